"""The recipient's link stays useful until the job is done: after confirming receipt it can
still upload its signed copy; for the L/G letter that upload is the factory's signature (R7).
Staff can file a copy signed on paper. Link pages name the merchandiser to ask."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time

from orders.choices import Stage
from orders.documents import links
from orders.documents.services import document_send
from orders.models import OrderEvent, SentDocument
from orders.outbox import delivery
from orders.outbox.tasks import deliver_outbox
from shipping.choices import FailureDecision, LetterStatus
from shipping.services import failure_decide, guarantee_letter_approve, guarantee_letter_create
from tests.form_filler import PNG  # a whole picture: uploads are opened to prove it
from tests.outbox import mark_sent
from tests.shipping.conftest import at_stage, book_final, record

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"\0" * 64


def delivered(code, obj, user) -> SentDocument:
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code=code, obj=obj, user=user)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


def link(document) -> str:
    return reverse("documents:public", args=[links.make_token(document)])


@pytest.fixture
def merchandiser_with_phone(merchandiser):
    merchandiser.first_name, merchandiser.last_name = "Mandy", "Lau"
    merchandiser.email = "mandy@gendan.example"
    merchandiser.save()
    merchandiser.profile.phone = "+852 2345 6789"
    merchandiser.profile.save()
    return merchandiser


@pytest.fixture
def document(order, merchandiser_with_phone):
    return delivered("F-ORD-001", order, merchandiser_with_phone)


def test_factory_uploads_its_signed_copy_after_confirming_receipt(client, document):
    client.post(link(document), {"name": "陳大文", "note": ""})
    page = client.get(link(document)).content.decode()
    assert 'type="file"' in page  # the upload is still offered

    upload = SimpleUploadedFile("signed.pdf", PDF)
    response = client.post(link(document), {"name": "陳廠長", "signed_copy": upload})

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.signed_copy.read() == PDF
    assert document.confirmed_by_name == "陳大文"  # the first confirmation stands
    assert document.signed_copy_at is not None and document.signed_copy_recorded_by is None
    assert OrderEvent.objects.filter(
        order=document.order, action="document_signed_copy", comment__contains="陳廠長"
    ).exists()
    assert 'type="file"' not in response.content.decode()


def test_a_second_signed_copy_is_refused_and_the_first_kept(client, document):
    client.post(link(document), {"name": "陳大文", "signed_copy": SimpleUploadedFile("a.png", PNG)})
    response = client.post(
        link(document), {"name": "Other", "signed_copy": SimpleUploadedFile("b.pdf", PDF)}
    )
    assert response.status_code in (200, 400)
    document.refresh_from_db()
    assert document.signed_copy.read() == PNG


def test_an_upload_that_is_not_pdf_jpeg_or_png_is_refused_after_confirmation(client, document):
    client.post(link(document), {"name": "陳大文"})
    response = client.post(
        link(document), {"name": "陳大文", "signed_copy": SimpleUploadedFile("x.pdf", b"nope")}
    )
    assert response.status_code == 400
    document.refresh_from_db()
    assert not document.signed_copy


@pytest.fixture
def lg_letter(order, qc, department_manager, merchandiser):
    failed = record(book_final(at_stage(order, Stage.INSPECTION), qc), qc, major=9)
    failure_decide(
        report_id=failed.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    return guarantee_letter_create(
        report_id=failed.pk, user=merchandiser, factory_responsible="陳廠長"
    )


def test_r7_lg_signed_copy_uploaded_after_confirmation_signs_the_letter(
    client, lg_letter, merchandiser, department_manager
):
    document = delivered("F-PMER-003", lg_letter, merchandiser)
    client.post(link(document), {"name": "Receptionist Ho"})
    lg_letter.refresh_from_db()
    assert lg_letter.status == LetterStatus.AWAITING_SIGNATURE

    client.post(link(document), {"name": "陳廠長", "signed_copy": SimpleUploadedFile("s.pdf", PDF)})

    lg_letter.refresh_from_db()
    assert lg_letter.status == LetterStatus.SIGNED
    assert lg_letter.signed_by_name == "陳廠長"
    assert OrderEvent.objects.filter(order=lg_letter.order, action="lg_letter_signed").exists()
    guarantee_letter_approve(letter_id=lg_letter.pk, user=department_manager)
    lg_letter.refresh_from_db()
    assert lg_letter.status == LetterStatus.APPROVED


def test_r7_lg_confirmed_without_copy_is_not_signed(client, lg_letter, merchandiser):
    document = delivered("F-PMER-003", lg_letter, merchandiser)
    client.post(link(document), {"name": "陳廠長"})
    lg_letter.refresh_from_db()
    assert not lg_letter.is_signed


def test_staff_file_a_copy_signed_on_paper(client, document, merchandiser_with_phone):
    client.force_login(merchandiser_with_phone)
    response = client.post(
        reverse("documents:record_signed_copy", args=[document.pk]),
        {"signed_by_name": "Ms Wong", "signed_copy": SimpleUploadedFile("fax.png", PNG)},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.signed_copy.read() == PNG
    assert document.confirmed_by_name == "Ms Wong"
    assert document.signed_copy_recorded_by == merchandiser_with_phone


def test_open_link_page_names_the_merchandiser(client, document):
    page = client.get(link(document)).content.decode()
    assert "Mandy Lau" in page and "+852 2345 6789" in page and "mandy@gendan.example" in page


def test_expired_link_names_the_merchandiser_in_the_recipients_language(client, document):
    token = links.make_token(document)
    with freeze_time(document.queued_at + timedelta(days=31)):
        response = client.get(reverse("documents:public", args=[token]))
    assert response.status_code == 410
    page = response.content.decode()
    assert "Mandy Lau" in page and "+852 2345 6789" in page
    assert 'lang="zh-hant"' in page


def test_tampered_link_names_nobody(client, document):
    token = links.make_token(document)
    response = client.get(reverse("documents:public", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "Mandy Lau" not in response.content.decode()


def test_superseded_link_names_the_replacement_and_the_merchandiser(
    client, order, merchandiser_with_phone
):
    first = delivered("F-ORD-001", order, merchandiser_with_phone)
    delivered("F-ORD-001", order, merchandiser_with_phone)

    response = client.post(link(first), {"name": "陳大文"})

    assert response.status_code == 410
    page = response.content.decode()
    assert "F-ORD-001" in page and "2" in page
    assert "Mandy Lau" in page and "+852 2345 6789" in page
    first.refresh_from_db()
    assert not first.is_confirmed


def test_superseded_link_takes_no_signed_copy_nor_serves_the_old_pdf(
    client, order, merchandiser_with_phone
):
    first = delivered("F-ORD-001", order, merchandiser_with_phone)
    client.post(link(first), {"name": "陳大文"})  # confirmed while it was the latest
    delivered("F-ORD-001", order, merchandiser_with_phone)

    upload = SimpleUploadedFile("signed.pdf", PDF)
    response = client.post(link(first), {"name": "陳廠長", "signed_copy": upload})

    assert response.status_code == 410
    assert "Mandy Lau" in response.content.decode()
    assert client.get(link(first) + "pdf/").status_code == 410
    first.refresh_from_db()
    assert not first.signed_copy


def test_a_newer_version_that_failed_to_send_replaces_nothing(
    client, order, merchandiser_with_phone
):
    first = delivered("F-ORD-001", order, merchandiser_with_phone)
    with mock.patch.object(deliver_outbox, "apply_async"):
        newer = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser_with_phone)
    row = delivery.claim(newer.outbox_id)
    row.give_up(error="550 no such mailbox")
    row.save()

    response = client.post(link(first), {"name": "陳大文"})

    assert response.status_code == 200
    first.refresh_from_db()
    assert first.is_confirmed
