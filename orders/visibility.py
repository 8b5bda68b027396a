"""Who sees what: the one access helper every view uses (Healthchecks' `_get_check_for_user`).
An object is visible when its order is; one the user may not see is a 404, like a missing one."""

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

from orders.models import Order
from orders.permissions import team_id_of
from orders.roles import SEES_ALL_ORDERS, Role, has_role

T = TypeVar("T", bound=Model)


def visible_orders(user, queryset: QuerySet[Order] | None = None) -> QuerySet[Order]:
    """Merchandisers see their team's orders; managers, administration, finance, QC and
    the warehouse and the planner (PMC) see all."""
    queryset = Order.objects.all() if queryset is None else queryset
    if has_role(user, *SEES_ALL_ORDERS, Role.QC, Role.WAREHOUSE, Role.PMC):
        return queryset
    if has_role(user, Role.MERCHANDISER):
        team_id = team_id_of(user)
        if team_id is None:
            return queryset.filter(merchandiser=user)
        return queryset.filter(team_id=team_id)
    return queryset.none()


def visible(model: type[T] | QuerySet[T], user, pk, *, via: str = "order") -> T:
    """The object `pk` (of a model, or of a queryset that does its own joins) if this user sees
    its order, else Http404. `via` leads from the object to its order; an order is its own."""
    queryset = model if isinstance(model, QuerySet) else model._default_manager.all()
    if queryset.model is Order:
        queryset = visible_orders(user, queryset)
    else:
        queryset = queryset.filter(**{f"{via}__in": visible_orders(user)})
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist as missing:
        raise Http404 from missing
