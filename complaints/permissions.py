"""Who may do what with complaints and returns. The services call these, so the server
enforces them whatever a page showed.

Roles of R16 and R17, mapped onto the office's roles (orders.roles):
- a "leader" (R16 approves the complaint report; R17 approves a return): the department manager
  or the general manager;
- QA (品質部): the QC role;
- sales administration (銷管員): the administration role;
- sales leader (銷售領導): the department manager (or the general manager);
- warehouse keeper (倉管員): the warehouse role;
- warehouse head (倉庫主管): a warehouse user who also holds the permission
  complaints.sign_as_warehouse_head, and who is not the keeper who signed the same return, so
  two different people sign the two warehouse steps.
"""

from orders.permissions import can_see, is_managing
from orders.roles import Role, has_role

WAREHOUSE_HEAD_PERMISSION = "complaints.sign_as_warehouse_head"


def is_leader(user) -> bool:
    return is_managing(user)


def is_general_manager(user) -> bool:
    return has_role(user, Role.GENERAL_MANAGER)


def is_warehouse_head(user) -> bool:
    return has_role(user, Role.WAREHOUSE) and user.has_perm(WAREHOUSE_HEAD_PERMISSION)


def _merchandising(order, user) -> bool:
    return is_managing(user) or (has_role(user, Role.MERCHANDISER) and can_see(order, user))


def can_file_complaint(order, user) -> bool:
    return _merchandising(order, user)


def can_approve_report(order, user) -> bool:
    return is_leader(user)


def can_analyse(order, user) -> bool:
    return has_role(user, Role.QC)


def can_reply(order, user) -> bool:
    return _merchandising(order, user)


def can_raise_claim(order, user) -> bool:
    """Matches shipping's deduction permission: the claim becomes a deduction there."""
    return has_role(user, Role.FINANCE) or is_managing(user)


def can_apply_return(order, user) -> bool:
    return _merchandising(order, user)


def can_decide_return(order, user) -> bool:
    return is_leader(user)


def can_notify_customer(order, user) -> bool:
    """The notice goes out through the forms machinery, which lets the order's editors send."""
    return _merchandising(order, user)


def can_receive_return(order, user) -> bool:
    return has_role(user, Role.WAREHOUSE)


def can_record_arrival(order, user) -> bool:
    return has_role(user, Role.WAREHOUSE) or is_managing(user)


def can_accept_arrival(order, user) -> bool:
    """Goods without an approved application may be refused by the warehouse; only a leader
    takes them in anyway."""
    return is_leader(user)


def can_issue_return_note(order, user) -> bool:
    return has_role(user, Role.FINANCE)
