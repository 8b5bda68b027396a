"""Who may do what in inspection, shipment and settlement. The services call these, so the
server enforces them whatever a page showed."""

from orders.permissions import can_see, is_managing
from orders.roles import SEES_ALL_ORDERS, Role, has_role


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
