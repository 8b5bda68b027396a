"""Files a form mails after its PDF (FormSpec.attachments): copied when the document is sent,
so every attempt, the first or a retry, mails the very same files in one message."""

from unittest import mock

import pytest

from config.celery import app as celery_app
from orders.documents import attachments, registry
from orders.documents.choices import DocumentStatus
from orders.documents.registry import Attachment, FormSpec, register_form
from orders.documents.services import document_send
from orders.outbox.tasks import deliver_outbox
from tests.documents.conftest import FACTORY_HANT, pdf_text
from tests.documents.test_send import sent

pytestmark = pytest.mark.django_db(transaction=True)

CODE = "T-ATT-001"
NOTES = "工廠須知 — notes for the factory".encode()


@pytest.fixture(autouse=True)
def _retries_run_eagerly():
    """Celery retries an eager task only when its errors do not propagate."""
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = True


@pytest.fixture
def files():
    """What the printed object has to attach; a test may change it after sending."""
    return [
        Attachment("notes.txt", NOTES, "text/plain"),
        Attachment("客戶意見.pdf", b"%PDF-1.4 the customer's own letter", "application/pdf"),
    ]


@pytest.fixture
def spec(files):
    base = registry.get_form("F-ORD-001")
    spec = register_form(
        FormSpec(
            code=CODE,
            name="Order with attachments",
            model=base.model,
            template=base.template,
            order_of=base.order_of,
            recipient=base.recipient,
            context=base.context,
            reference=base.reference,
            attachments=lambda order: list(files),
        )
    )
    yield spec
    registry._forms.pop(CODE, None)


def parts_of(message) -> list[tuple[str, bytes, str]]:
    return [
        (part.get_filename(), part.get_payload(decode=True), part.get_content_type())
        for part in message.iter_attachments()
    ]


def test_the_mail_carries_the_pdf_then_each_attachment(spec, order, merchandiser, smtp_sink):
    document = sent(document_send(spec_code=CODE, obj=order, user=merchandiser))

    assert document.status == DocumentStatus.SENT
    (message,) = smtp_sink.wait_for(1)
    (pdf_name, pdf, pdf_type), notes, letter = parts_of(message)
    assert (pdf_name, pdf_type) == (f"{CODE}-{order.po_number}-v1.pdf", "application/pdf")
    assert FACTORY_HANT in pdf_text(pdf)
    assert notes == ("notes.txt", NOTES, "text/plain")
    assert letter == ("客戶意見.pdf", b"%PDF-1.4 the customer's own letter", "application/pdf")
    assert attachments.names(document.pk) == ["notes.txt", "客戶意見.pdf"]
    event = order.events.get(action="document_sent")
    assert event.comment.endswith(" + notes.txt + 客戶意見.pdf")


def test_a_retry_mails_the_files_of_the_moment_of_sending(
    spec, files, order, merchandiser, smtp_sink
):
    smtp_sink.fail_next(1)
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code=CODE, obj=order, user=merchandiser)
    files[1] = Attachment("replaced.pdf", b"%PDF-1.4 a later upload", "application/pdf")

    deliver_outbox.apply(args=[document.outbox_id])  # refused with 451, then retried
    document = sent(document)

    assert (document.status, document.attempts, smtp_sink.refused) == (DocumentStatus.SENT, 2, 1)
    (accepted,) = smtp_sink.wait_for(1)
    (refused,) = smtp_sink.refused_messages
    assert accepted["Message-ID"] == refused["Message-ID"] == document.message_id
    assert parts_of(accepted) == parts_of(refused)
    assert [name for name, _content, _type in parts_of(accepted)][1:] == [
        "notes.txt",
        "客戶意見.pdf",
    ]


def test_a_form_without_attachments_mails_its_pdf_alone(order, merchandiser, smtp_sink):
    document = sent(document_send(spec_code="F-ORD-001", obj=order, user=merchandiser))

    (message,) = smtp_sink.wait_for(1)
    assert [content_type for _n, _c, content_type in parts_of(message)] == ["application/pdf"]
    assert attachments.names(document.pk) == []


def test_mimetype_is_guessed_by_name_then_by_content():
    assert attachments.guess_mimetype("letter.pdf", b"") == "application/pdf"
    assert attachments.guess_mimetype("scan", b"\x89PNG\r\n\x1a\nrest") == "image/png"
    assert attachments.guess_mimetype("scan", b"???") == "application/octet-stream"
