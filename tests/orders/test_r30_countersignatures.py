"""R30: every order's customer countersigns the feedback form, the waybill and the packing list
(through its link, or the signed copy is filed); at month end the merchandiser sees which
orders still lack them, and the month's feedback forms are printed and exported together."""

import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from orders.choices import Stage
from orders.documents.services import (
    document_confirm,
    document_record_signed_copy,
    document_send,
)
from orders.feedback.rules import r30_paper_states
from orders.feedback.services import feedback_record
from orders.models import OrderEvent, SentDocument
from orders.outbox.tasks import deliver_outbox
from orders.services.common import ActionRefused
from tests.documents.conftest import pdf_text
from tests.documents.every_form import build
from tests.factories import make_order, make_team
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"\0" * 64


@pytest.fixture(scope="module")
def every(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        every = build(make_team())
        # The order reached shipping this month (its stage was set directly by the builder).
        OrderEvent.objects.create(
            order=every.order,
            kind="transition",
            from_stage=Stage.INSPECTION,
            to_stage=Stage.SHIPPING,
        )
        yield every
        transaction.set_rollback(True)


@pytest.fixture
def merchandiser(every):
    return every.people["merchandiser"]


def delivered(code, obj, user) -> SentDocument:
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code=code, obj=obj, user=user)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


def confirm(document, name="Ms Ward"):
    return document_confirm(document_id=document.pk, message_id=document.message_id, name=name)


def states(order):
    return {s.paper.code: s for s in r30_paper_states(order.sent_documents.all())}


def test_r30_feedback_form_waits_for_the_shipment(db, merchandiser):
    early = make_order(merchandiser=merchandiser)
    with pytest.raises(ActionRefused, match="not shipped yet"):
        document_send(spec_code="F-CFB-001", obj=early, user=merchandiser)


def test_r30_feedback_form_goes_to_the_customer_in_its_language(every, merchandiser):
    order = every.order
    feedback_record(order_id=order.pk, user=merchandiser, quality="good", comments="Fine knit")
    document = delivered("F-CFB-001", order, merchandiser)
    assert document.recipient_email == "ward@northwind.example"
    from orders.documents.registry import get_form
    from orders.documents.render import render_pdf

    text = pdf_text(render_pdf(get_form("F-CFB-001"), order, "zh-hant"))
    assert order.po_number in text and "Fine knit" in text and "☑" in text
    assert "產品品質" in text or "品質" in text


def test_r30_countersigned_through_the_link_or_a_filed_copy(every, merchandiser):
    order = every.order
    feedback = delivered("F-CFB-001", order, merchandiser)
    waybill = delivered("SHP-DN", every.objects["SHP-DN"], merchandiser)
    packing = delivered("SHP-PL", every.objects["SHP-PL"], merchandiser)
    assert not any(s.countersigned for s in states(order).values())

    confirm(feedback)
    confirm(waybill)
    document_record_signed_copy(
        document=packing,
        user=merchandiser,
        signed_copy=SimpleUploadedFile("pl.pdf", PDF),
        signed_by_name="Ms Ward",
    )
    now = states(order)
    assert all(s.countersigned for s in now.values())
    assert now["packing_list"].by == "Ms Ward"


def test_r30_a_new_version_needs_its_own_countersignature(every, merchandiser):
    first = delivered("SHP-PL", every.objects["SHP-PL"], merchandiser)
    confirm(first)
    assert states(every.order)["packing_list"].countersigned
    delivered("SHP-PL", every.objects["SHP-PL"], merchandiser)
    assert not states(every.order)["packing_list"].countersigned


def month_page(client, **query):
    url = reverse("orders:countersignatures")
    month = timezone.localdate().strftime("%Y-%m")
    return client.get(url, {"month": month, **query}).content.decode()


def test_r30_month_end_lists_the_orders_still_lacking_countersignatures(
    client, every, merchandiser
):
    client.force_login(merchandiser)
    page = month_page(client)
    assert every.order.po_number in page and "0 of 1" in page

    for code, obj in (
        ("F-CFB-001", every.order),
        ("SHP-DN", every.objects["SHP-DN"]),
        ("SHP-PL", every.objects["SHP-PL"]),
    ):
        confirm(delivered(code, obj, merchandiser))
    page = month_page(client)
    assert every.order.po_number not in page and "1 of 1" in page
    assert every.order.po_number in month_page(client, all="1")


def test_r30_month_end_only_shows_what_the_user_may_see(client, every):
    from orders.roles import Role
    from tests.factories import make_user

    client.force_login(make_user(Role.MERCHANDISER))  # another team
    assert every.order.po_number not in month_page(client)


def test_r30_feedback_forms_of_the_month_printed_together(client, every, merchandiser):
    document = delivered("F-CFB-001", every.order, merchandiser)
    document_confirm(
        document_id=document.pk,
        message_id=document.message_id,
        name="Ms Ward",
        signed_copy=SimpleUploadedFile("signed.pdf", _one_page_pdf()),
    )
    client.force_login(merchandiser)
    month = timezone.localdate().strftime("%Y-%m")
    response = client.get(reverse("orders:feedback_print"), {"month": month})
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 1  # the countersigned copy stands for the order's form
    assert "COUNTERSIGNED" in pages[0].extract_text()


def test_r30_feedback_forms_of_the_month_exported(client, every, merchandiser):
    feedback_record(
        order_id=every.order.pk, user=merchandiser, quality="good", delivery="fair", comments="ok"
    )
    confirm(delivered("F-CFB-001", every.order, merchandiser))
    client.force_login(merchandiser)
    month = timezone.localdate().strftime("%Y-%m")
    response = client.get(reverse("orders:feedback_export"), {"month": month})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    assert row[1] == every.order.po_number
    assert row[header.index("Product quality")] == "Good"
    assert row[header.index("Delivery on time")] == "Fair"
    assert row[header.index("Feedback form")].startswith("Ms Ward")
    assert row[header.index("Packing list")] == "not sent"


def _one_page_pdf() -> bytes:
    from orders.documents.pdf import html_to_pdf

    return html_to_pdf("<p>COUNTERSIGNED</p>")
