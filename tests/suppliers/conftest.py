import pytest

from tests.factories import make_order


@pytest.fixture
def order(merchandiser, department_manager):
    order = make_order(merchandiser=merchandiser)
    order.team.head = department_manager
    order.team.save()
    return order
