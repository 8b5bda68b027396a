"""Who may do what at intake (R13, R29). The services and the screens call these."""

from orders.permissions import can_edit, can_see
from orders.roles import Role, has_role


def can_ask_pmc(order, user) -> bool:
    """The order's merchandiser, after the first review, asks PMC."""
    return can_edit(order, user)


def can_reply_delivery_date(request, user) -> bool:
    """R13: the planner / PMC confirms capacity and replies the date."""
    return has_role(user, Role.PMC) and can_see(request.order, user)


def can_record_po_countersignature(order, user) -> bool:
    """R29: the order's merchandiser (or a manager) records the sales office's countersignature
    of the P/O, as he files its signed ORDER CONFIRMATION."""
    return can_edit(order, user)


def can_record_commodity_inspection(order, user) -> bool:
    """R33: the bookings and the certificate are the export papers' work: the order's
    merchandiser, the managers and administration (the documents clerk), as for the other
    export documents; not QC, finance, the warehouse or PMC."""
    if has_role(user, Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER, Role.ADMINISTRATION):
        return True
    return has_role(user, Role.MERCHANDISER) and can_see(order, user)
