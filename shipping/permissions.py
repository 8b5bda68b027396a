"""Who may do what in inspection, shipment and settlement. The services call these, so the
server enforces them whatever a page showed."""

from collections.abc import Callable

from orders.permissions import can_edit, can_see, is_managing
from orders.roles import SEES_ALL_ORDERS, Role, has_role
from shipping.choices import DispatchStep


def can_book_inspection(order, user) -> bool:
    return can_see(order, user) and has_role(
        user, Role.QC, Role.MERCHANDISER, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER
    )


def can_record_inspection(order, user) -> bool:
    return has_role(user, Role.QC)


def can_decide_failure(order, user) -> bool:
    """R7: the purchasing head (department manager) or the general manager."""
    return is_managing(user)


def can_handle_shipment(order, user) -> bool:
    """Marks, packing list, invoice, freight, export papers, L/G letters: the merchandiser's work
    (administration keeps the document records too)."""
    if has_role(user, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER, Role.ADMINISTRATION):
        return True
    return has_role(user, Role.MERCHANDISER) and can_see(order, user)


def can_record_payment(order, user) -> bool:
    return has_role(user, Role.FINANCE)


def can_record_deduction(order, user) -> bool:
    return has_role(user, Role.FINANCE) or is_managing(user)


def can_see_collections(user) -> bool:
    """R21: the collections sheet spans every customer's orders, so it is for who sees them all."""
    return has_role(user, *SEES_ALL_ORDERS)


# R15: the role whose turn each dispatch step is (seed 003: 銷管員 = administration, 倉管員 =
# warehouse, 財務打單部 = finance); the first and last steps are the merchandiser's (跟單員).
STEP_ROLES = {
    DispatchStep.PRICES_APPROVED: Role.ADMINISTRATION,
    DispatchStep.PREPARED: Role.WAREHOUSE,
    DispatchStep.NOTE_PRINTED: Role.FINANCE,
    DispatchStep.NOTE_SIGNED: Role.ADMINISTRATION,
    DispatchStep.SHIPPED: Role.WAREHOUSE,
}


def may_do_step(order, user, step: str) -> bool:
    """Whether this dispatch step is `user`'s to do (the screens show its button only then)."""
    role = STEP_ROLES.get(step)
    if role:
        return has_role(user, role)
    if step == DispatchStep.SENT:
        # The forms machinery sends only for those who may edit the order.
        return can_edit(order, user)
    return can_handle_shipment(order, user)


def may_record(step: str) -> Callable[..., bool]:
    """The dispatch transition's permission: the step's role (R15)."""

    def permission(dispatch, user) -> bool:
        return may_do_step(dispatch.order, user, step)

    permission.__name__ = f"may_record_{step}"
    return permission


# ---- R34: the invoice request ------------------------------------------------------------------


def can_raise_invoice_request(order, user) -> bool:
    """The order's merchandiser (or one of the team) raises it for the shipment."""
    return has_role(user, Role.MERCHANDISER) and can_see(order, user)


def can_approve_invoice_request(request, user) -> bool:
    """The next level's role, as the admin configured the levels, never the one who raised it."""
    role = request.next_role
    return (
        role is not None
        and has_role(user, role)
        and user.pk != request.raised_by_id
        and can_see(request.order, user)
    )


def issues_invoices(user) -> bool:
    """R34: finance's invoicing clerk issues the commercial invoices, of any order."""
    return has_role(user, Role.FINANCE)


def can_issue_invoice(order, user) -> bool:
    """R34: finance's invoicing clerk issues the commercial invoice."""
    return issues_invoices(user)


def can_invoice_request(request, user) -> bool:
    return can_issue_invoice(request.order, user)
