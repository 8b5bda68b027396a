import pytest

from orders.roles import Role
from tests.factories import make_team, make_user


@pytest.fixture
def outsider(db):
    """A merchandiser of another team (the guard tests' 404)."""
    return make_user(Role.MERCHANDISER, team=make_team())


@pytest.fixture
def pmc(db):
    return make_user(Role.PMC, first_name="Siu Fung", last_name="Kwok")
