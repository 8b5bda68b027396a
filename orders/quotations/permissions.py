"""Who may do what with a quotation (R18). django-fsm calls these as `permission(quotation,
user)`; the services call them too, so the server enforces them whatever a page showed."""

from orders.permissions import team_id_of
from orders.roles import SEES_ALL_ORDERS, Role, has_role

QUOTING_ROLES = (
    Role.MERCHANDISER,
    Role.DEPARTMENT_MANAGER,
    Role.GENERAL_MANAGER,
    Role.DEPUTY_GENERAL_MANAGER,
)
APPROVER_ROLES = (Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER, Role.DEPUTY_GENERAL_MANAGER)
# R18: special prices need the general manager or the deputy general manager.
SPECIAL_PRICE_ROLES = (Role.GENERAL_MANAGER, Role.DEPUTY_GENERAL_MANAGER)


def sees_all_quotations(user) -> bool:
    return has_role(user, *SEES_ALL_ORDERS)


def can_quote(user) -> bool:
    return has_role(user, *QUOTING_ROLES)


def can_see(quotation, user) -> bool:
    if sees_all_quotations(user):
        return True
    if not has_role(user, Role.MERCHANDISER):
        return False
    team_id = team_id_of(user)
    return quotation.merchandiser_id == user.pk or (
        quotation.team_id is not None and quotation.team_id == team_id
    )


def can_prepare(quotation, user) -> bool:
    """Edit, submit, send and record the customer's answer: the team's merchandisers and the
    managers."""
    return can_quote(user) and can_see(quotation, user)


def can_decide(quotation, user) -> bool:
    """Approve or reject at all: a manager who did not submit the quotation himself."""
    return has_role(user, *APPROVER_ROLES) and quotation.submitted_by_id != user.pk


def can_approve(quotation, user) -> bool:
    """R18: a special price needs the general manager or the deputy; others a manager."""
    if not can_decide(quotation, user):
        return False
    if quotation.needs_special_approval():
        return has_role(user, *SPECIAL_PRICE_ROLES)
    return True
