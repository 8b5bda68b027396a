import pytest

from complaints.choices import SignOffStep
from orders.models import CustomerContact
from orders.roles import Role
from tests.complaints.builders import make_warehouse_head
from tests.factories import make_customer, make_factory, make_order, make_user


@pytest.fixture
def customer(db):
    customer = make_customer(name="Nordic Apparel AB", language="en")
    CustomerContact.objects.create(customer=customer, name="Eva", email="eva@nordic.example")
    return customer


@pytest.fixture
def factory(db):
    return make_factory(name="東莞宏達製衣廠", language="zh-hant")


@pytest.fixture
def order(merchandiser, customer, factory):
    return make_order(merchandiser=merchandiser, customer=customer, factory=factory)


@pytest.fixture
def warehouse(db):
    return make_user(Role.WAREHOUSE)


@pytest.fixture
def warehouse_head(db):
    return make_warehouse_head()


@pytest.fixture
def signers(warehouse, warehouse_head, administration, department_manager, finance):
    return {
        SignOffStep.WAREHOUSE_KEEPER: warehouse,
        SignOffStep.WAREHOUSE_HEAD: warehouse_head,
        SignOffStep.SALES_ADMIN: administration,
        SignOffStep.SALES_LEADER: department_manager,
        SignOffStep.FINANCE: finance,
    }
