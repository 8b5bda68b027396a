"""Who may do what about an order's credit (R20). The services call these."""

from orders.permissions import can_edit, can_see, is_managing
from orders.roles import Role, has_role


def can_give_guarantee(order, user) -> bool:
    """The customer's salesperson gives it, or the order's merchandiser records it for them."""
    salesperson_id = order.customer.salesperson_id
    return salesperson_id is not None and (user.pk == salesperson_id or can_edit(order, user))


def can_decide_guarantee(guarantee, user) -> bool:
    """A manager approves or refuses; never the salesperson who guarantees."""
    return (
        is_managing(user) and guarantee.salesperson_id != user.pk and can_see(guarantee.order, user)
    )


def can_grant_exception(order, user) -> bool:
    return has_role(user, Role.GENERAL_MANAGER)
