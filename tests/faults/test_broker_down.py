"""The broker is down when the user clicks: the request still succeeds, the e-mail waits in the
outbox, and the sweep delivers it once the broker is back, exactly once.

Runs in both passes: eagerly (`make test`, the sweep sends in this process) and with the real
worker of `make test-stack` (the sweep enqueues on Redis, the worker sends)."""

import time
from datetime import date

import pytest
from django.urls import reverse

from orders.models import OutboxMessage, SentDocument
from orders.outbox import delivery
from orders.outbox.choices import OutboxState
from orders.outbox.services import outbox_sweep
from orders.reminders.digests import send_digests
from tests.conftest import REAL_WORKER
from tests.factories import make_order
from tests.faults.conftest import broker_unreachable, sweep_until
from tests.faults.figures import count, report
from tests.orders.test_notifications import submit_for_review

pytestmark = pytest.mark.worker

# Long enough for a second delivery the worker should not make to arrive.
QUIET_PERIOD = 3 if REAL_WORKER else 0


def test_broker_down_during_a_send_a_notification_and_a_digest(
    client, order, planned_order, merchandiser, department_manager, smtp_sink
):
    client.force_login(merchandiser)
    for_review = make_order(merchandiser=merchandiser)
    with broker_unreachable():
        page = client.post(reverse("documents:send", args=["F-ORD-001", order.pk]), follow=True)
        submit_for_review(for_review)  # the department manager is to be told
        send_digests(today=date(2026, 1, 7))  # the merchandiser's reminders

    assert page.status_code == 200
    document = SentDocument.objects.get(order=order)
    assert document.status == OutboxState.PENDING
    assert "Queued" in page.content.decode()
    rows = list(OutboxMessage.objects.all())
    assert {row.kind for row in rows} == {"document", "order_mail", "digest"}
    assert {row.state for row in rows} == {OutboxState.PENDING}
    assert smtp_sink.messages == []
    ids = {row.message_id for row in rows}

    def all_delivered() -> bool:
        sent = OutboxMessage.objects.filter(state=OutboxState.SENT).count() == len(ids)
        return sent and count(smtp_sink.messages, ids)[0] == len(ids)

    seconds = sweep_until(all_delivered, timeout=120)
    outbox_sweep()  # a later sweep finds nothing left to send
    time.sleep(QUIET_PERIOD)
    delivered, duplicated = count(smtp_sink.messages, ids)
    report(
        "broker down, then back (document, notification, digest)",
        delivered=delivered,
        expected=len(ids),
        duplicated=duplicated,
        seconds=seconds,
    )
    assert (delivered, duplicated) == (len(ids), 0)
    document.refresh_from_db()
    assert document.status == OutboxState.SENT
    # Pressing again is the user's choice of a new version, not a repair of a lost one.
    assert SentDocument.objects.filter(order=order).count() == 1


def test_a_manager_sends_a_failed_email_again(
    client, order, merchandiser, department_manager, smtp_sink, settings
):
    settings.GENDAN_OUTBOX_MAX_ATTEMPTS = 1
    with broker_unreachable():  # the row waits in the outbox: this process sends it
        client.force_login(merchandiser)
        client.post(reverse("documents:send", args=["F-ORD-001", order.pk]))
        document = SentDocument.objects.get(order=order)
        smtp_sink.fail_next(1)
        assert delivery.deliver(document.outbox_id) == "failed"
    assert "451" in OutboxMessage.objects.get().last_error

    changelist = reverse("admin:orders_outboxmessage_changelist")
    action = {"action": "send_again", "_selected_action": [document.outbox_id]}
    client.force_login(department_manager)
    response = client.post(changelist, action, follow=True)
    assert "1 e-mail queued again." in response.content.decode()

    def sent_once() -> bool:
        # The worker marks the row sent just after the SMTP server accepted the mail.
        document.refresh_from_db()
        mailed = count(smtp_sink.messages, {document.message_id})[0]
        return mailed == 1 and document.status == OutboxState.SENT

    sweep_until(sent_once, timeout=60)
    assert count(smtp_sink.messages, {document.message_id}) == (1, 0)
    assert (document.status, document.attempts) == (OutboxState.SENT, 2)
    assert OutboxMessage.objects.get().requeued_by == department_manager
