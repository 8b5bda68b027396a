"""Sending a form by e-mail through Celery: exactly once, retried after SMTP failures."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone
from freezegun import freeze_time

from orders.choices import EventKind
from orders.documents.choices import DocumentStatus
from orders.documents.services import document_resend, document_send
from orders.models import OrderEvent, SentDocument
from orders.outbox import delivery
from orders.outbox.tasks import deliver_outbox
from orders.services.common import ActionRefused
from tests.documents.conftest import FACTORY_HANT, pdf_text, wait_for
from tests.factories import make_user

# Tasks may run in a real worker (GENDAN_CELERY_WORKER=1): commit for real, and poll.
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def sent(document: SentDocument, *, timeout: float = 30) -> SentDocument:
    def done():
        document.refresh_from_db()
        return document.status in {DocumentStatus.SENT, DocumentStatus.FAILED}

    assert wait_for(done, timeout=timeout), f"still {document.status}"
    return document


def attachment_of(message):
    (part,) = list(message.iter_attachments())
    return part.get_filename(), part.get_content(), part.get_content_type()


def test_send_mails_the_pdf_in_the_factorys_language_and_records_it(order, merchandiser, smtp_sink):
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert document.status == DocumentStatus.SENT
    assert document.version == 1
    assert document.attempts == 1
    assert document.sent_at is not None
    assert document.recipient_language == "zh-hant"
    (message,) = smtp_sink.wait_for(1)
    assert message["To"] == order.factory.email
    assert message["Message-ID"] == document.message_id
    assert "/documents/f/" in message.get_body(("plain",)).get_content()
    filename, pdf, mimetype = attachment_of(message)
    assert filename == f"F-ORD-001-{order.po_number}-v1.pdf"
    assert mimetype == "application/pdf"
    assert FACTORY_HANT in pdf_text(pdf)
    assert document.pdf.read() == pdf  # the link serves the very file that was mailed
    assert OrderEvent.objects.filter(
        order=order, kind=EventKind.DOCUMENT, action="document_sent", actor=merchandiser
    ).exists()


def test_calling_the_task_again_sends_nothing_more(order, merchandiser, smtp_sink):
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert deliver_outbox.apply(args=[document.outbox_id]).get() == "skipped"
    assert deliver_outbox.apply(args=[document.outbox_id]).get() == "skipped"
    assert len(smtp_sink.wait_for(1)) == 1
    document.refresh_from_db()
    assert document.attempts == 1


def test_two_workers_racing_for_one_row_send_one_mail(order, merchandiser, smtp_sink):
    with mock.patch.object(deliver_outbox, "apply_async"):  # keep the row queued
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)

    row = delivery.claim(document.outbox_id)  # the first worker wins the claim...
    assert row is not None
    assert delivery.claim(document.outbox_id) is None  # ...the second does not,
    assert deliver_outbox.apply(args=[document.outbox_id]).get() == "skipped"  # nor a third
    assert smtp_sink.messages == []
    assert delivery.send_claimed(row) == "sent"  # only the claimer sends
    assert len(smtp_sink.wait_for(1)) == 1
    document.refresh_from_db()
    assert document.status == DocumentStatus.SENT


def test_a_dead_workers_stale_claim_is_taken_over(order, merchandiser, smtp_sink):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    assert delivery.claim(document.outbox_id) is not None  # ...and its worker dies

    assert deliver_outbox.apply(args=[document.outbox_id]).get() == "skipped"  # lease holds
    lease = timedelta(seconds=settings.GENDAN_OUTBOX_LEASE_SECONDS + 1)
    with freeze_time(timezone.now() + lease):
        assert deliver_outbox.apply(args=[document.outbox_id]).get() == "sent"
    assert len(smtp_sink.wait_for(1)) == 1
    document.refresh_from_db()
    assert (document.status, document.attempts) == (DocumentStatus.SENT, 2)


def test_resend_is_a_new_version_with_its_own_message_id(order, merchandiser, smtp_sink):
    first = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))
    second = sent(document_resend(document=first, user=merchandiser))

    assert (first.version, second.version) == (1, 2)
    assert second.message_id != first.message_id
    assert second.recipient_email == first.recipient_email
    assert {m["Message-ID"] for m in smtp_sink.wait_for(2)} == {
        first.message_id, second.message_id,
    }  # fmt: skip


def test_someone_who_cannot_edit_the_order_cannot_send(order):
    outsider = make_user("merchandiser")
    with pytest.raises(ActionRefused):
        document_send(spec_code="F-ORD-001", obj=order, user=outsider)
    assert not SentDocument.objects.exists()


def test_unknown_form_refused(order, merchandiser):
    with pytest.raises(ActionRefused):
        document_send(spec_code="F-NOPE", obj=order, user=merchandiser)


def test_a_failing_smtp_server_then_success_sends_exactly_once(order, merchandiser, smtp_sink):
    smtp_sink.fail_next(1)
    document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    document = sent(document, timeout=120)  # a real worker waits for the retry's countdown

    assert document.status == DocumentStatus.SENT
    assert document.attempts == 2
    assert smtp_sink.refused == 1
    (accepted,) = smtp_sink.wait_for(1)
    tries = [*smtp_sink.refused_messages, accepted]
    # The retry resent the very same mail, not a second one.
    assert {message["Message-ID"] for message in tries} == {document.message_id}
    assert "451" not in document.last_error


def test_a_worker_whose_lease_ran_out_while_building_the_mail_sends_nothing(
    order, merchandiser, smtp_sink
):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    slow = delivery.claim(document.outbox_id)  # rendering a long PDF on a busy machine...
    lease = timedelta(seconds=settings.GENDAN_OUTBOX_LEASE_SECONDS + 1)
    with freeze_time(timezone.now() + lease):
        assert deliver_outbox.apply(args=[document.outbox_id]).get() == "sent"  # taken over
        assert delivery.send_claimed(slow) == "skipped"  # ...finds it gone before SMTP
    assert len(smtp_sink.wait_for(1)) == 1
    time.sleep(0.5)
    assert len(smtp_sink.messages) == 1
