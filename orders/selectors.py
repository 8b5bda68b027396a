"""Reads: each selector does its own joins so a page's query count does not grow with its rows."""

from django.db.models import Prefetch, QuerySet

from orders.models import Order, OrderEvent
from orders.models.order import annotate_totals
from orders.permissions import team_id_of
from orders.roles import SEES_ALL_ORDERS, Role, has_role


def visible_orders(user) -> QuerySet[Order]:
    """Merchandisers see their team's orders; managers, administration, finance, QC and
    the warehouse see all."""
    queryset = Order.objects.all()
    if has_role(user, *SEES_ALL_ORDERS, Role.QC, Role.WAREHOUSE):
        return queryset
    if has_role(user, Role.MERCHANDISER):
        team_id = team_id_of(user)
        if team_id is None:
            return queryset.filter(merchandiser=user)
        return queryset.filter(team_id=team_id)
    return queryset.none()


def order_list(user) -> QuerySet[Order]:
    return annotate_totals(
        visible_orders(user).select_related("customer", "factory", "merchandiser")
    )


def order_detail(user, pk: int) -> Order:
    return (
        visible_orders(user)
        .select_related("customer", "factory", "merchandiser", "team", "contract_check")
        .prefetch_related(
            "lines",
            "clearances__user",
            "approvals__user",
            Prefetch("events", queryset=OrderEvent.objects.select_related("actor")),
        )
        .get(pk=pk)
    )
