"""Who may do what to an order's materials; the services call these, whatever the page showed."""

from orders.permissions import can_edit, can_see
from orders.roles import Role, has_role


def can_manage_materials(order, user) -> bool:
    """The order's merchandisers (and managers) book fabric, record submissions and trims."""
    return can_edit(order, user)


def may_review_trim_card(card, user) -> bool:
    """R1: the order's merchandisers (and managers) check the factory's trim card."""
    return can_manage_materials(card.order, user)


def may_decide_submission(submission, user) -> bool:
    """R2: the order's merchandisers (and managers) record a lab dip's or a bulk swatch's
    decision, theirs or the customer's."""
    return can_manage_materials(submission.order, user)


def can_sign_booking(order, user) -> bool:
    """R2: the head of the order's group, or a department manager, signs the fabric booking."""
    if not can_see(order, user) and not has_role(user, Role.DEPARTMENT_MANAGER):
        return False
    if order.team.head_id is not None and order.team.head_id == user.pk:
        return True
    return has_role(user, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER)


def can_record_lab_results(order, user) -> bool:
    return can_manage_materials(order, user) or has_role(user, Role.QC)


def can_approve_season_trims(user) -> bool:
    return has_role(user, Role.MERCHANDISER, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER)
