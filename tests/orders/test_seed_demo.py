"""`manage.py seed_demo`: every stage represented, idempotent, demo users hold their roles."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from orders.choices import Stage
from orders.demo import DEMO_LOGINS, DEMO_PASSWORD, SUPERUSER
from orders.models import (
    Approval,
    Customer,
    CustomerContact,
    Order,
    OrderEvent,
    OrderLine,
    PaymentClearance,
    Profile,
    Team,
)
from orders.roles import has_role, roles_of
from suppliers.models import Factory, FactoryContact

pytestmark = pytest.mark.django_db

COUNTED = [
    Order,
    OrderLine,
    OrderEvent,
    Approval,
    PaymentClearance,
    Customer,
    CustomerContact,
    Factory,
    FactoryContact,
    Team,
    Profile,
    get_user_model(),
]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_demo_covers_every_stage_and_running_twice_changes_nothing():
    output = seed()
    assert set(Order.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert 45 <= Order.objects.count() <= 60
    assert any(order.is_late for order in Order.objects.all())
    first = counts()

    seed()
    assert counts() == first
    assert not mail.outbox
    for _role, username, password in DEMO_LOGINS:
        assert username in output and password in output


def test_demo_orders_were_walked_through_the_services():
    seed()
    for order in Order.objects.filter(stage=Stage.SETTLED):
        actions = set(order.events.values_list("action", flat=True))
        assert {"submit_for_review", "approve", "start_production", "settle"} <= actions
    rejected = Order.objects.filter(events__action="return_for_changes").distinct()
    assert rejected and all(order.stage == Stage.RECEIVED for order in rejected)
    cancelled = Order.objects.filter(stage=Stage.CANCELLED)
    assert all(order.cancel_reason for order in cancelled)


def test_demo_users_log_in_and_hold_their_roles(client):
    seed()
    for role, username, password in DEMO_LOGINS:
        assert password == DEMO_PASSWORD
        assert client.login(username=username, password=password), username
        user = get_user_model().objects.get(username=username)
        assert user.email == f"{username}@gendan.example"
        if role == SUPERUSER:
            assert user.is_superuser
        else:
            assert roles_of(user) == {role}
            assert has_role(user, role)
    managers = get_user_model().objects.filter(username__in=["manager", "gm", "finance"])
    assert all(user.is_staff for user in managers)
    assert get_user_model().objects.get(username="merch").profile.team.name.startswith("Knit")
    assert get_user_model().objects.get(username="merch2").profile.language == "zh-hans"
