"""R18: the quotation in the company format, as a PDF in the customer's language, e-mailed
through the forms machinery when it is sent; it prints the prices, never the costing."""

from email.header import decode_header, make_header

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.services import document_send
from orders.models import CustomerContact, SentDocument
from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation
from orders.quotations.services import quotation_approve, quotation_send, quotation_submit
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.documents.conftest import contains_all, pdf_text, wait_for
from tests.factories import make_customer, make_team, make_user
from tests.quotations.builders import make_quotation

LANGUAGES = ("en", "zh-hant", "zh-hans")


def approved(merchandiser, customer, approver, **fields):
    quotation = make_quotation(user=merchandiser, customer=customer, **fields)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    return quotation_approve(quotation_id=quotation.pk, user=approver)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_r18_quotation_pdf_prints_prices_in_the_language(
    language, merchandiser, customer, department_manager
):
    quotation = approved(
        merchandiser, customer, department_manager, notes="Prices FOB Yantian, carton 30 pcs."
    )
    text = pdf_text(render_pdf(get_form("F-QT-001"), quotation, language))
    with translation.override(language):
        expected = [
            quotation.label,
            customer.name,
            "ST-700",
            "Men's oxford shirt",
            "USD 6.50",
            "USD 6.00",
            quotation.valid_until.isoformat(),
            "Prices FOB Yantian, carton 30 pcs.",
            _("Valid until"),
            _("Unit price"),
            _("QUOTATION"),
            _("Approved by"),
        ]
    assert contains_all(text, *expected) == []
    assert "30.00" not in text and "1440" not in text  # the costing stays in the office
    if language != "en":
        assert [word for word in ("Valid until", "Unit price", "Style no") if word in text] == []


@pytest.mark.django_db
def test_r18_sending_needs_an_email_address_and_leaves_it_approved(
    merchandiser, department_manager
):
    silent = make_customer(name="No Mail Ltd")
    quotation = approved(merchandiser, silent, department_manager)
    with pytest.raises(ActionRefused, match="No Mail Ltd has no e-mail address"):
        quotation_send(quotation_id=quotation.pk, user=merchandiser)
    assert Quotation.objects.get(pk=quotation.pk).status == QuotationStatus.APPROVED


@pytest.mark.django_db
def test_r18_the_pdf_does_not_leave_before_approval(merchandiser, customer, department_manager):
    quotation = approved(merchandiser, customer, department_manager)
    with pytest.raises(ActionRefused, match="not approved and sent through its page"):
        document_send(spec_code="F-QT-001", obj=quotation, user=merchandiser)


@pytest.mark.django_db
def test_r18_preview_only_for_those_who_see_the_quotation(client, merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    url = reverse("documents:preview_pdf", args=["F-QT-001", quotation.pk])
    client.force_login(make_user(Role.MERCHANDISER, team=make_team("Wovens")))
    assert client.get(url).status_code == 403
    client.force_login(merchandiser)
    response = client.get(url + "?lang=zh-hant")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_r18_sent_quotation_is_mailed_to_the_customer_in_its_language(
    merchandiser, department_manager, smtp_sink, django_capture_on_commit_callbacks
):
    customer = make_customer(name="香港時裝有限公司", language="zh-hant")
    CustomerContact.objects.create(customer=customer, name="陳小姐", email="chan@hkfashion.example")
    quotation = approved(merchandiser, customer, department_manager)
    with django_capture_on_commit_callbacks(execute=True):
        quotation_send(quotation_id=quotation.pk, user=merchandiser)
    (message,) = smtp_sink.wait_for(1)
    assert message["To"] == "chan@hkfashion.example"
    assert quotation.label in str(make_header(decode_header(message["Subject"])))
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == f"F-QT-001-QT-{quotation.number:05d}-Rev-1-v1.pdf"
    text = pdf_text(part.get_content())
    assert "香港時裝有限公司" in text and "有效期至" in text
    sent = Quotation.objects.get(pk=quotation.pk)
    assert sent.status == QuotationStatus.SENT
    assert sent.events.filter(action="pdf_sent", actor=merchandiser).exists()
    document = SentDocument.objects.get(object_id=quotation.pk, form_code="F-QT-001")
    assert document.order is None
    assert wait_for(lambda: SentDocument.objects.get(pk=document.pk).status == "sent")
    sent_document = document_send(spec_code="F-QT-001", obj=sent, user=merchandiser)
    assert sent_document.version == 2
