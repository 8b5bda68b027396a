from datetime import date

import pytest

from orders.services.planning import plan_build
from tests.factories import make_order

MONDAY = date(2026, 1, 12)


@pytest.fixture
def planned_order(merchandiser):
    """An order received on 5 January, leaving the factory on Thursday 30 April, due at the
    customer on 15 May, with the default plan built."""
    order = make_order(
        merchandiser=merchandiser,
        order_date=date(2026, 1, 5),
        ex_factory_date=date(2026, 4, 30),
        customer_date=date(2026, 5, 15),
    )
    plan_build(order=order, user=merchandiser, today=MONDAY)
    return order


def milestone(order, code):
    return order.milestones.get(code=code)
