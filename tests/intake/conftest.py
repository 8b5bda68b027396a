import pytest

from orders.roles import Role
from tests.factories import make_user


@pytest.fixture
def pmc(db):
    return make_user(Role.PMC, first_name="Siu Fung", last_name="Kwok")
