"""R8 in the reminders: the change requests waiting for a signature cost the same queries
whether 3 or 8 wait (each worked out its next signer with 4 queries of its own)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from orders.changes.selectors import CHANGE_STEP_DAYS
from orders.models import ChangeRequest
from tests.changes.conftest import approve, raise_change, walk_to_confirmed
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def confirmed_changes(merchandiser, signers, count: int) -> None:
    for _number in range(count):
        order = approve(make_order(merchandiser=merchandiser, payment_terms="oa"), *signers)
        change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
        walk_to_confirmed(change, merchandiser)
    # Waiting past the step's days: they are reminders.
    ChangeRequest.objects.update(status_since=timezone.now() - timedelta(days=CHANGE_STEP_DAYS + 1))


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_r8_reminders_queries_do_not_grow_with_changes_waiting_for_a_signature(
    client, merchandiser, department_manager, clerk
):
    signers = (merchandiser, department_manager, clerk)
    confirmed_changes(merchandiser, signers, 3)
    client.force_login(department_manager)
    url = reverse("orders:reminders")
    with_3, page = count_queries(client, url)
    assert page.count("CR-") >= 3
    confirmed_changes(merchandiser, signers, 5)
    with_8, page = count_queries(client, url)
    assert with_3 == with_8, f"{with_3} queries with 3 requests waiting, {with_8} with 8"
    assert page.count("CR-") >= 8
