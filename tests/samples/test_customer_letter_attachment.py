"""R4: a customer's own comment letter goes to the factory as the customer's file itself,
with our signed cover sheet (F-PMER-004) in the same e-mail, once, even after an SMTP failure."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from orders.models import SentDocument
from samples.services import (
    comment_letter_send,
    comment_letter_sign,
    comment_letter_upload,
    sample_check_record,
)
from tests.documents.test_send import sent
from tests.factories import make_sample

# Tasks may run in a real worker (GENDAN_CELERY_WORKER=1): commit for real, and poll.
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CUSTOMER_LETTER = b"%PDF-1.4\n% the customer's own comments: shorten the sleeve by 1 cm\n"


@pytest.fixture
def uploaded_letter(order, merchandiser, department_manager):
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    letter = comment_letter_upload(
        sample_id=sample.pk,
        user=merchandiser,
        document=SimpleUploadedFile("comments.pdf", CUSTOMER_LETTER, "application/pdf"),
        production_may_start=False,
    )
    return comment_letter_sign(letter=letter, user=department_manager)


def parts_of(message) -> list[tuple[str, bytes, str]]:
    return [
        (part.get_filename(), part.get_payload(decode=True), part.get_content_type())
        for part in message.iter_attachments()
    ]


def assert_cover_sheet_and_customer_letter(message, document: SentDocument) -> None:
    (cover_name, cover, cover_type), (name, content, content_type) = parts_of(message)
    assert cover_name.startswith("F-PMER-004-") and cover_type == "application/pdf"
    assert len(PdfReader(io.BytesIO(cover)).pages) >= 1
    assert name.startswith("comments") and name.endswith(".pdf")
    assert (content, content_type) == (CUSTOMER_LETTER, "application/pdf")
    assert message["Message-ID"] == document.message_id


def test_r4_customers_letter_travels_with_the_cover_sheet(
    uploaded_letter, merchandiser, order, smtp_sink
):
    comment_letter_send(letter=uploaded_letter, user=merchandiser)
    document = sent(SentDocument.objects.get(order=order))

    (message,) = smtp_sink.wait_for(1)
    assert_cover_sheet_and_customer_letter(message, document)
    assert order.events.filter(action="document_sent", comment__contains="+ comments").exists()


def test_r4_after_an_smtp_failure_one_mail_still_carries_both(
    uploaded_letter, merchandiser, order, smtp_sink
):
    smtp_sink.fail_next(1)
    comment_letter_send(letter=uploaded_letter, user=merchandiser)
    document = sent(SentDocument.objects.get(order=order), timeout=120)

    assert (document.attempts, smtp_sink.refused) == (2, 1)
    (message,) = smtp_sink.wait_for(1)
    assert_cover_sheet_and_customer_letter(message, document)
    assert parts_of(smtp_sink.refused_messages[0]) == parts_of(message)
