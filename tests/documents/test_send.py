"""Sending a form by e-mail through Celery: exactly once, retried after SMTP failures."""

import socket
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core import mail

from orders.choices import EventKind
from orders.documents import delivery
from orders.documents.choices import DocumentStatus
from orders.documents.services import document_resend, document_send
from orders.documents.tasks import send_document
from orders.models import OrderEvent, SentDocument
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


def test_send_mails_the_pdf_in_the_factorys_language_and_records_it(order, merchandiser):
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert document.status == DocumentStatus.SENT
    assert document.version == 1
    assert document.attempts == 1
    assert document.sent_at is not None
    assert document.recipient_language == "zh-hant"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [order.factory.email]
    assert message.extra_headers["Message-ID"] == document.message_id
    assert "/documents/f/" in message.body
    ((filename, pdf, mimetype),) = message.attachments
    assert filename == f"F-ORD-001-{order.po_number}-v1.pdf"
    assert mimetype == "application/pdf"
    assert FACTORY_HANT in pdf_text(pdf)
    assert document.pdf.read() == pdf  # the link serves the very file that was mailed
    assert OrderEvent.objects.filter(
        order=order, kind=EventKind.DOCUMENT, action="document_sent", actor=merchandiser
    ).exists()


def test_calling_the_task_again_sends_nothing_more(order, merchandiser):
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert send_document.apply(args=[document.pk]).get() == "skipped"
    assert send_document.apply(args=[document.pk]).get() == "skipped"
    assert len(mail.outbox) == 1
    document.refresh_from_db()
    assert document.attempts == 1


def test_two_workers_racing_for_one_row_send_one_mail(order, merchandiser):
    with mock.patch.object(send_document, "delay"):  # keep the row queued
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)

    assert delivery.claim(document.pk)  # the first worker wins the claim...
    assert not delivery.claim(document.pk)  # ...the second does not,
    assert send_document.apply(args=[document.pk]).get() == "skipped"  # nor does a third
    assert mail.outbox == []
    delivery.deliver(document.pk)  # only the claimer sends
    assert len(mail.outbox) == 1
    document.refresh_from_db()
    assert document.status == DocumentStatus.SENT


def test_a_dead_workers_stale_claim_is_taken_over(order, merchandiser):
    with mock.patch.object(send_document, "delay"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    assert delivery.claim(document.pk)
    SentDocument.objects.filter(pk=document.pk).update(
        claimed_at=document.queued_at - delivery.CLAIM_TIMEOUT
    )

    assert send_document.apply(args=[document.pk]).get() == "sent"
    assert len(mail.outbox) == 1


def test_resend_is_a_new_version_with_its_own_message_id(order, merchandiser):
    first = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))
    second = sent(document_resend(document=first, user=merchandiser))

    assert (first.version, second.version) == (1, 2)
    assert second.message_id != first.message_id
    assert second.recipient_email == first.recipient_email
    assert len(mail.outbox) == 2


def test_someone_who_cannot_edit_the_order_cannot_send(order):
    outsider = make_user("merchandiser")
    with pytest.raises(ActionRefused):
        document_send(spec_code="F-ORD-001", obj=order, user=outsider)
    assert not SentDocument.objects.exists()


def test_unknown_form_refused(order, merchandiser):
    with pytest.raises(ActionRefused):
        document_send(spec_code="F-NOPE", obj=order, user=merchandiser)


class RejectFirstData:
    """An SMTP server that answers the first DATA with a temporary failure."""

    def __init__(self):
        self.tries = []
        self.accepted = []

    async def handle_DATA(self, server, session, envelope):
        self.tries.append(envelope.content)
        if len(self.tries) == 1:
            return "451 4.3.0 Try again later"
        self.accepted.append(envelope.content)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def flaky_smtp(settings):
    handler = RejectFirstData()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.GENDAN_TASK_RETRY_DELAY = 1
    yield handler
    controller.stop()


def test_a_failing_smtp_server_then_success_sends_exactly_once(order, merchandiser, flaky_smtp):
    document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    document = sent(document, timeout=120)  # a real worker waits for the retry's countdown

    assert document.status == DocumentStatus.SENT
    assert document.attempts == 2
    assert len(flaky_smtp.tries) == 2
    assert len(flaky_smtp.accepted) == 1
    message_ids = {
        line.split(b":", 1)[1].strip()
        for content in flaky_smtp.tries
        for line in content.splitlines()
        if line.lower().startswith(b"message-id:")
    }
    assert message_ids == {document.message_id.encode()}  # the retry resent the same mail
    assert "451" not in document.last_error


def test_smtp_down_for_good_marks_the_row_failed(order, merchandiser, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.GENDAN_TASK_RETRY_DELAY = 0
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    assert document.status == DocumentStatus.FAILED
    assert document.attempts == send_document.max_retries + 1
    assert "ConnectionRefusedError" in document.last_error
