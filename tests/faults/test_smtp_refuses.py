"""The mail server refuses one recipient during a digest run: the others get theirs at once,
the refused one is retried and delivered when the server accepts again, nobody gets two.

Only with the real worker of `make test-stack` (its retries wait for their back-off; the eager
pass checks the same in tests/shipping/test_settlement.py with a refusal that ends by itself)."""

import time
from datetime import date

import pytest

from orders.models import Digest
from orders.outbox.choices import OutboxState
from orders.reminders.digests import send_digests
from orders.roles import Role
from orders.services.planning import plan_build
from tests.conftest import REAL_WORKER
from tests.factories import make_order, make_user
from tests.faults.conftest import sweep_until
from tests.faults.figures import count, report

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not REAL_WORKER, reason="needs the real worker of make test-stack"),
]

PEOPLE = 5


def test_smtp_refusing_one_recipient_in_a_digest_run(team, smtp_sink):
    people = [make_user(Role.MERCHANDISER, team=team) for _ in range(PEOPLE)]
    for person in people:
        order = make_order(
            merchandiser=person,
            order_date=date(2026, 1, 5),
            ex_factory_date=date(2026, 4, 30),
            customer_date=date(2026, 5, 15),
        )
        plan_build(order=order, user=person, today=date(2026, 1, 6))
    refused = people[2].email
    smtp_sink.refuse_recipient(refused)

    started = time.monotonic()
    assert send_digests(today=date(2026, 1, 7)) == PEOPLE
    ids = set(Digest.objects.values_list("outbox__message_id", flat=True))
    smtp_sink.wait_for(PEOPLE - 1, timeout=60)
    others_seconds = time.monotonic() - started
    while smtp_sink.recipient_refusals < 2:  # refused, and refused again on the retry
        assert time.monotonic() - started < 60, "the refused digest was not retried"
        time.sleep(0.2)
    assert refused not in [message["To"] for message in smtp_sink.messages]
    smtp_sink.accept_recipient(refused)

    seconds = sweep_until(lambda: count(smtp_sink.messages, ids)[0] == PEOPLE, timeout=120)
    time.sleep(3)  # a second copy, if any, would arrive now
    delivered, duplicated = count(smtp_sink.messages, ids)
    report(
        f"SMTP refusing 1 of {PEOPLE} digests ({smtp_sink.recipient_refusals} refusals; "
        f"the other {PEOPLE - 1} in {others_seconds:.1f} s; the refused one after acceptance)",
        delivered=delivered,
        expected=PEOPLE,
        duplicated=duplicated,
        seconds=seconds,
    )
    assert (delivered, duplicated) == (PEOPLE, 0)
    assert sorted(message["To"] for message in smtp_sink.messages) == sorted(
        person.email for person in people
    )
    digest = Digest.objects.get(user=people[2])
    assert digest.status == OutboxState.SENT and digest.outbox.attempts >= 3
