"""R21 under real concurrency (PostgreSQL, `make test-stack`): two finance sessions submit the
same payment at the same moment, and one person's double-click arrives twice at once. Each round
records exactly one payment; the other request is told why. SQLite serialises every writer, so
the race cannot happen there: the double-click test in test_payments_once covers it."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse

from orders.roles import Role
from tests.factories import make_user
from tests.http_session import HttpSession

ROUNDS = 50

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (make test-stack)"
    ),
]


def race(sessions, path, payloads):
    barrier = threading.Barrier(len(sessions))

    def submit(session, data):
        barrier.wait(timeout=30)
        return session.post(path, data)

    with ThreadPoolExecutor(len(sessions)) as pool:
        return list(pool.map(submit, sessions, payloads))


def _payment(reference="", token=None):
    return {
        "kind": "balance",
        "amount": "120.00",
        "received_on": "2026-11-20",
        "reference": reference,
        "form_token": str(token or uuid.uuid4()),
    }


def test_two_finance_sessions_submitting_the_same_bank_reference_record_it_once(live_server, order):
    sessions = [HttpSession(live_server, make_user(Role.FINANCE, is_staff=True)) for _ in "ab"]
    path = reverse("shipping:payment", args=[order.pk])
    doubled = refused_with_reason = 0

    for round_no in range(ROUNDS):
        reference = f"TT-{round_no:03d}"
        answers = race(sessions, path, [_payment(reference), _payment(reference)])

        assert [status for status, _messages in answers] == [302, 302]
        rows = order.payments.filter(reference=reference).count()
        doubled += rows > 1
        assert rows == 1, f"round {round_no}: {rows} rows"
        told = [m for _s, messages in answers for m in messages if reference in m]
        refused_with_reason += any("already recorded on this order" in m for m in told)

    print(
        f"\nsame bank reference, 2 sessions at once: {ROUNDS} rounds, "
        f"{order.payments.count()} rows, {doubled} doubled, "
        f"{refused_with_reason} second requests told why"
    )
    assert refused_with_reason == ROUNDS


def test_a_double_click_arriving_twice_at_once_records_one_payment(live_server, order, finance):
    session = HttpSession(live_server, finance)
    path = reverse("shipping:payment", args=[order.pk])
    told = 0

    for round_no in range(ROUNDS):
        data = _payment(token=uuid.uuid4())
        before = order.payments.count()
        answers = race([session, session], path, [data, data])

        assert [status for status, _messages in answers] == [302, 302]
        assert order.payments.count() == before + 1, f"round {round_no}"
        told += any("already submitted" in m for _s, messages in answers for m in messages)

    print(f"\none form posted twice at once: {ROUNDS} rounds, {order.payments.count()} rows")
    assert told == ROUNDS
