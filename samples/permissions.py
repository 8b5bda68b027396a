"""Who may work on an order's samples; the services call these whatever the page showed."""

from orders.permissions import can_edit


def can_work_on_samples(order, user) -> bool:
    """The merchandisers of the order's team and the managers."""
    return can_edit(order, user)
