"""A double-click whose two requests arrive at the same moment (PostgreSQL, `make test-stack`)
records each create action once: the form's one-time token is claimed in the action's own
transaction, so the second request waits for the first and is then told the form was already
recorded. The payments' race is in tests/shipping/test_payments_concurrent; SQLite serialises
every writer, so the sequential double-click tests (test_double_click) cover it there."""

import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from complaints.choices import ComplaintKind
from complaints.models import Complaint
from orders.choices import Stage
from orders.models import ChangeRequest
from tests.factories import make_order
from tests.html_forms import form_posting_to
from tests.http_session import HttpSession
from tests.qa.conftest import in_stage
from tests.shipping.test_payments_concurrent import race

ROUNDS = 50

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (make test-stack)"
    ),
]


def _form(user, page: str, action: str, fill: dict) -> dict:
    client = Client()
    client.force_login(user)
    return {**form_posting_to(client.get(page).content, action, page), **fill}


def _double_clicks(live_server, user, action: str, form: dict, rows) -> int:
    """ROUNDS double-clicks arriving at once; how many second requests were told why."""
    session = HttpSession(live_server, user)
    told = 0
    for round_no in range(ROUNDS):
        data = {**form, "form_token": str(uuid.uuid4())}
        before = rows()
        answers = race([session, session], action, [data, data])
        assert [status for status, _messages in answers] == [302, 302]
        assert rows() == before + 1, f"round {round_no}: {rows() - before} recorded"
        told += any("already submitted" in m for _s, messages in answers for m in messages)
    return told


def test_raising_a_change_request_twice_at_once_raises_one(live_server, merchandiser):
    order = in_stage(make_order(merchandiser=merchandiser), Stage.APPROVED)
    action = reverse("orders:change_raise", args=[order.pk])
    form = _form(
        merchandiser, action, action, {"requested_by": "factory", "f_packing": "12 pcs a carton"}
    )

    told = _double_clicks(
        live_server, merchandiser, action, form, ChangeRequest.objects.filter(order=order).count
    )

    print(f"\nchange request raised twice at once: {ROUNDS} rounds, {told} second clicks told why")
    assert told == ROUNDS


def test_filing_a_complaint_twice_at_once_files_one(live_server, merchandiser):
    order = in_stage(make_order(merchandiser=merchandiser), Stage.SHIPPING)
    action = reverse("complaints:create", args=[order.pk])
    fill = {
        "kind": ComplaintKind.QUALITY,
        "received_on": (date.today() - timedelta(days=1)).isoformat(),
        "description": "Seams open",
        "quantity_affected": "12",
    }
    form = _form(merchandiser, action, action, fill)

    told = _double_clicks(
        live_server, merchandiser, action, form, Complaint.objects.filter(order=order).count
    )

    print(f"\ncomplaint filed twice at once: {ROUNDS} rounds, {told} second clicks told why")
    assert told == ROUNDS
