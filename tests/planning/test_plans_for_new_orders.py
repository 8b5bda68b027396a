"""Orders entered together (an imported P/O file) get the same plan as one order built on its
own: plans_build_new counts each planned date once per order date and ex-factory date, and
that shortcut must not change a date."""

from datetime import date

import pytest

from orders.services.planning import plan_build, plans_build_new
from tests.factories import make_order

pytestmark = pytest.mark.django_db

TODAY = date(2026, 1, 12)


def _plan(order) -> list[tuple]:
    return list(
        order.milestones.order_by("position", "id").values_list(
            "code", "planned_date", "projected_date"
        )
    )


def test_orders_entered_together_get_the_plan_each_would_get_alone(merchandiser):
    dates = [
        (date(2026, 1, 5), date(2026, 4, 30)),
        (date(2026, 1, 5), date(2026, 4, 30)),  # the same dates: counted once
        (date(2026, 1, 9), date(2026, 6, 5)),
    ]
    orders = [
        make_order(merchandiser=merchandiser, order_date=ordered, ex_factory_date=ex_factory)
        for ordered, ex_factory in dates
    ]

    plans_build_new(orders=orders, user=merchandiser, today=TODAY)
    together = [_plan(order) for order in orders]
    for order in orders:
        plan_build(order=order, user=merchandiser, today=TODAY)

    assert together[0] and together[0] != together[2]
    assert together == [_plan(order) for order in orders]
