"""The company letterhead is set once in the admin and printed on every form in the recipient's
language; signature boxes say what is signed; the mail comes from the merchandiser (Reply-To)
and names them with their phone."""

import io
from email.header import decode_header, make_header
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from orders.documents import delivery
from orders.documents.registry import all_forms, get_form
from orders.documents.render import render_html, render_pdf
from orders.documents.services import document_send
from orders.models import CompanyProfile
from orders.outbox.tasks import deliver_outbox
from orders.roles import Role
from tests.documents.conftest import contains_all, pdf_text
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def letterhead(db):
    return CompanyProfile.objects.create(
        name_en="Ever Bright Trading Co., Ltd.",
        name_zh_hant="永明貿易有限公司",
        name_zh_hans="永明贸易有限公司",
        address_en="12/F, 8 Hart Avenue, Tsim Sha Tsui, Kowloon, Hong Kong",
        address_zh_hant="香港九龍尖沙咀赫德道8號12樓",
        phone="+852 2111 2222",
        fax="+852 2111 3333",
        email="info@everbright.example",
    )


def test_without_a_letterhead_the_name_comes_from_the_environment(order, settings):
    settings.GENDAN_COMPANY_NAME = "Env Trading Ltd."
    assert "Env Trading Ltd." in render_html(get_form("F-ORD-001"), order, "zh-hant")


@pytest.mark.parametrize(
    ("language", "name", "other", "address"),
    [
        ("en", "Ever Bright Trading Co., Ltd.", "永明貿易有限公司", "Tsim Sha Tsui"),
        ("zh-hant", "永明貿易有限公司", "Ever Bright Trading Co., Ltd.", "尖沙咀赫德道"),
        ("zh-hans", "永明贸易有限公司", "Ever Bright Trading Co., Ltd.", "尖沙咀赫德道"),
    ],
)
def test_letterhead_prints_in_the_recipients_language(
    order, letterhead, language, name, other, address
):
    text = pdf_text(render_pdf(get_form("F-ORD-001"), order, language))
    fields = (name, other, address, "+852 2111 2222", "+852 2111 3333", "info@everbright.example")
    assert contains_all(text, *fields) == []


def test_logo_is_embedded(order, letterhead):
    letterhead.logo.save("logo.png", SimpleUploadedFile("logo.png", png_logo()))
    pdf = PdfReader(io.BytesIO(render_pdf(get_form("F-ORD-001"), order, "en")))
    assert list(pdf.pages[0].images)


def test_general_manager_sets_the_letterhead_once_in_the_admin(client, letterhead):
    client.force_login(make_user(Role.GENERAL_MANAGER, is_staff=True))
    listing = client.get(reverse("admin:orders_companyprofile_changelist"))
    assert listing.status_code == 302
    assert listing["Location"] == reverse(
        "admin:orders_companyprofile_change", args=[letterhead.pk]
    )
    assert client.get(reverse("admin:orders_companyprofile_add")).status_code == 403


def test_admin_creates_the_first_letterhead_from_the_default(client, settings):
    settings.GENDAN_COMPANY_NAME = "Env Trading Ltd."
    client.force_login(make_user(Role.ADMINISTRATION, is_staff=True))
    add = reverse("admin:orders_companyprofile_add")
    assert client.get(reverse("admin:orders_companyprofile_changelist"))["Location"] == add
    assert "Env Trading Ltd." in client.get(add).content.decode()


def test_signature_boxes_say_what_is_signed(order):
    boxes = render_html(get_form("F-ORD-001"), order, "en")
    merchandiser_box, approver_box, factory_box = boxes.split('class="signature-box"')[1:]
    assert "company chop" not in merchandiser_box and "Signature" in merchandiser_box
    assert "company chop" not in approver_box
    assert "Signature and company chop" in factory_box


def test_every_form_declares_its_boxes_with_a_chop_only_where_a_company_signs():
    from orders.documents.registry import Signature

    company_words = ("Factory", "Customer", "Authorised", "Issued", "Received by", "Sales office")
    for spec in all_forms():
        for box in spec.signatures:
            box = box if isinstance(box, Signature) else Signature(box)
            label = str(box.label)
            assert box.company == label.startswith(company_words), (spec.code, label)


@pytest.fixture
def merchandiser_mandy(merchandiser):
    merchandiser.first_name, merchandiser.last_name = "Mandy", "Lau"
    merchandiser.email = "mandy@everbright.example"
    merchandiser.save()
    merchandiser.profile.phone = "+852 9123 4567"
    merchandiser.profile.save()
    return merchandiser


def test_mail_replies_to_the_merchandiser_and_names_them(order, merchandiser_mandy, letterhead):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser_mandy)
    message = delivery.build_message(document, b"%PDF-")
    assert message.reply_to == ["Mandy Lau <mandy@everbright.example>"]
    sender = str(make_header(decode_header(message.message()["From"])))
    assert "Mandy Lau" in sender and "永明貿易有限公司" in sender
    body = message.body
    assert "Mandy Lau" in body and "+852 9123 4567" in body and "mandy@everbright.example" in body
    assert "永明貿易有限公司" in body  # the factory reads Traditional Chinese
    assert "Your merchandiser" not in body  # ...and the mail is in its language
