"""The complaint report, return application and return note print through the forms machinery
in each language, with Chinese text extractable from the PDF."""

import io

import pytest
from pypdf import PdfReader

from complaints.services import return_note_issue
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.services import Recipient
from tests.complaints.builders import analysed_complaint, received_return, sign_all

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hant", "zh-hans"]


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def complaint(order, department_manager, qc):
    return analysed_complaint(
        order, leader=department_manager, qc=qc, description="客人投訴線頭太多"
    )


@pytest.fixture
def closed_return(order, department_manager, warehouse, signers, finance):
    application = received_return(
        order, leader=department_manager, warehouse=warehouse, reasons="縫線爆口,需要退貨"
    )
    sign_all(application, signers)
    return return_note_issue(application_id=application.pk, user=finance)


@pytest.mark.parametrize("language", LANGUAGES)
def test_complaint_report_renders_in_each_language(complaint, language):
    text = pdf_text(render_pdf(get_form("F-CMP-001"), complaint, language))
    assert "F-CMP-001" in text
    assert "東莞宏達製衣廠" in text  # the factory's Chinese name
    assert "客人投訴線頭太多" in text
    if language == "en":
        assert "PRODUCT COMPLAINT HANDLING REPORT" in text
        assert "Corrective action" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_return_application_renders_in_each_language(closed_return, language):
    text = pdf_text(render_pdf(get_form("F-RET-001"), closed_return, language))
    assert "F-RET-001" in text
    assert "縫線爆口" in text
    if language == "en":
        assert "CUSTOMER RETURN APPLICATION" in text
        assert "Goods sent without this approved application may be refused" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_return_note_renders_in_each_language(closed_return, language):
    text = pdf_text(render_pdf(get_form("F-RET-002"), closed_return, language))
    assert "F-RET-002" in text
    assert closed_return.note_number in text
    assert "東莞宏達製衣廠" not in text  # the customer's note, not the factory's
    if language == "en":
        assert "RETURN NOTE" in text
        assert "Warehouse keeper" in text


def test_forms_go_to_the_recipient_in_their_language(complaint, closed_return, customer):
    factory = get_form("F-CMP-001").recipient(complaint)
    assert Recipient.of(factory).language == "zh-hant"
    to_customer = get_form("F-RET-002").recipient(closed_return)
    assert (to_customer.email, to_customer.language) == ("eva@nordic.example", customer.language)
