import pytest

from tests.factories import make_order


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


@pytest.fixture
def group_head(team, merchandiser):
    from orders.roles import Role
    from tests.factories import make_user

    head = make_user(Role.MERCHANDISER, team=team)
    team.head = head
    team.save()
    return head
