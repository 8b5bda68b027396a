"""Printable forms render with CJK text extractable; screens call the services per role."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from shipping.choices import FailureDecision
from shipping.models import GuaranteeLetter, InspectionCertificate, PackingList
from shipping.services import failure_decide, guarantee_letter_create, packing_list_generate
from tests.html_forms import browser_form_data, form_index_with_field
from tests.shipping.conftest import book_final, record

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def letter(order, qc, department_manager, merchandiser):
    failed = record(book_final(order, qc), qc, major=9, remarks="線頭太多")
    failure_decide(
        report_id=failed.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    return guarantee_letter_create(
        report_id=failed.pk, user=merchandiser, factory_responsible="陳廠長"
    )


def test_r7_manager_decides_a_failed_report_and_returns_to_the_order(
    client, order, qc, department_manager
):
    failed = record(book_final(order, qc), qc, major=9)
    client.force_login(department_manager)

    response = client.post(
        reverse("shipping:decide", args=[failed.pk]),
        {"decision": FailureDecision.SHIP_UNDER_LG, "reason": "Customer date"},
        follow=True,
    )

    assert response.redirect_chain == [(order.get_absolute_url(), 302)]
    assert "Decision recorded." in response.content.decode()
    failed.refresh_from_db()
    assert failed.ships_under_lg


def test_r7_lg_letter_drawn_up_from_the_report_returns_to_the_order(
    client, order, qc, department_manager, merchandiser
):
    failed = record(book_final(order, qc), qc, major=9)
    failure_decide(
        report_id=failed.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    client.force_login(merchandiser)

    response = client.post(
        reverse("shipping:lg_create", args=[failed.pk]),
        {"factory_responsible": "陳廠長", "findings": ""},
        follow=True,
    )

    assert response.redirect_chain == [(order.get_absolute_url(), 302)]
    assert GuaranteeLetter.objects.get(report=failed).factory_responsible == "陳廠長"


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r7_lg_letter_renders_with_cjk_text(letter, language):
    text = pdf_text(render_pdf(get_form("F-PMER-003"), letter, language))
    assert "F-PMER-003" in text
    assert "陳廠長" in text
    assert "線頭太多" in text


def test_inspection_certificate_renders(order, qc):
    record(book_final(order, qc), qc)
    certificate = InspectionCertificate.objects.get()
    text = pdf_text(render_pdf(get_form("F-PMER-002"), certificate, "en"))
    assert certificate.number in text
    assert "F-PMER-002" in text


def test_packing_list_renders_totals(order, merchandiser):
    packing_list = packing_list_generate(
        order_id=order.pk,
        user=merchandiser,
        pieces_per_carton=24,
        net_weight_per_piece_kg=Decimal("0.25"),
        carton_weight_kg=Decimal("1.2"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("30"),
    )
    text = pdf_text(render_pdf(get_form("SHP-PL"), packing_list, "zh-hans"))
    assert "1000" in text
    assert "43" in text


def test_order_page_shows_the_section(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.get(order.get_absolute_url())
    assert response.status_code == 200
    assert "R12" in response.content.decode()


def test_qc_records_a_report_on_the_screen_with_aql_numbers(client, order, qc):
    booking = book_final(order, qc)
    client.force_login(qc)
    url = reverse("shipping:report", args=[booking.pk])
    page = client.get(url).content.decode()
    assert "80" in page and "Ac" in page
    data = browser_form_data(page, form_index_with_field(page, "cartons_opened"))
    data.update(
        {
            "inspected_on": date.today().isoformat(),
            "quantity_presented": 1000,
            "cartons_opened": 10,
            "critical": 0,
            "major": 2,
            "minor": 1,
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert booking.report.verdict == "pass"


def test_merchandiser_may_not_open_the_report_form(client, order, qc, merchandiser):
    booking = book_final(order, qc)
    client.force_login(merchandiser)
    assert client.get(reverse("shipping:report", args=[booking.pk])).status_code == 403


def test_r7_qc_cannot_approve_an_lg_through_the_screen(client, letter, qc, merchandiser):
    from shipping.services import guarantee_letter_record_signature

    guarantee_letter_record_signature(
        letter_id=letter.pk, user=merchandiser, signed_scan=SimpleUploadedFile("s.pdf", b"%PDF-1")
    )
    client.force_login(qc)
    client.post(reverse("shipping:lg_approve", args=[letter.pk]), {"comment": ""})
    assert not GuaranteeLetter.objects.get(pk=letter.pk).is_approved


def test_aql_calculator_page(client, qc):
    client.force_login(qc)
    page = client.get(reverse("shipping:aql"), {"lot": 20, "level": "II", "aql": "0.65"})
    assert page.context["plan"].code_letter == "F"


def test_collections_page_for_finance_only(client, finance, merchandiser):
    client.force_login(merchandiser)
    assert client.get(reverse("shipping:collections")).status_code == 403
    client.force_login(finance)
    assert client.get(reverse("shipping:collections")).status_code == 200


def test_finance_records_a_payment_on_the_screen(client, order, finance):
    client.force_login(finance)
    client.post(
        reverse("shipping:payment", args=[order.pk]),
        {"kind": "balance", "amount": "100.00", "received_on": date.today().isoformat()},
    )
    assert order.payments.get().amount == Decimal("100.00")


def test_a_packing_figure_with_too_many_digits_is_a_form_error_not_a_500(
    client, order, merchandiser
):
    client.force_login(merchandiser)
    url = reverse("shipping:packing", args=[order.pk])
    response = client.post(
        url,
        {
            "pieces_per_carton": "99999999999999999999",
            "net_weight_per_piece_kg": "0.25",
            "carton_weight_kg": "123456.5",
            "carton_length_cm": "60",
            "carton_width_cm": "40",
            "carton_height_cm": "30",
        },
        follow=True,
    )
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 2147483647." in page
    assert "Ensure that there are no more than 5 digits before the decimal point." in page
    assert not PackingList.objects.filter(order=order).exists()
