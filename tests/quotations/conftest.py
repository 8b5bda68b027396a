import pytest

from orders.models import CustomerContact
from orders.roles import Role
from tests.factories import make_customer, make_user


@pytest.fixture
def customer(db):
    customer = make_customer(name="Nordic Apparel AB", language="en")
    CustomerContact.objects.create(customer=customer, name="Eva", email="eva@nordic.example")
    return customer


@pytest.fixture
def deputy_general_manager(db):
    return make_user(Role.DEPUTY_GENERAL_MANAGER, is_staff=True)
