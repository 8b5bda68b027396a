"""R24: the purchase contract to a factory carries a trim list with pictures (F-TRIM-001), in the
factory's language; QC inspects against the same list."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.models import SentDocument
from orders.services.common import ActionRefused
from suppliers.choices import SupplierKind, TrimSource
from suppliers.services import TRIM_LIST_FORM, trim_list_send, trim_picture_set
from tests.documents.conftest import pdf_text
from tests.suppliers.builders import make_supplier, make_trim

pytestmark = pytest.mark.django_db

MAIN_LABEL = "主嘜（織嘜）"
HANG_TAG = "吊牌連膠針"
BUTTON_SUPPLIER = "東莞永發鈕扣廠"


def png(size=(48, 32), colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/octet-stream")


@pytest.fixture
def trims(order):
    supplier = make_supplier(SupplierKind.TRIM_SUPPLIER, name=BUTTON_SUPPLIER)
    label = make_trim(
        order,
        description=MAIN_LABEL,
        quantity=Decimal("1050"),
        consumption=Decimal("1"),
        unit="pcs",
        picture=upload("label.png", png()),
    )
    tag = make_trim(
        order,
        source=TrimSource.CUSTOMER_NOMINATED,
        description=HANG_TAG,
        customer_trim_sample="Brand hang tag A3",
        supplier=supplier,
        contact=supplier.contacts.first(),
        order_date=order.order_date,
        in_house_date=order.ex_factory_date,
        colour_standard="Pantone 19-4052",
        size_standard="45 x 90 mm",
        unit_price=Decimal("0.0350"),
        consumption=Decimal("1.5"),
        unit="pcs",
    )
    return label, tag


def image_xobjects(pdf: bytes) -> int:
    def count(resources) -> int:
        found = 0
        for xobject in (resources or {}).get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image":
                found += 1
            elif xobject["/Subtype"] == "/Form":
                found += count(xobject.get("/Resources"))
        return found

    return sum(count(page.get("/Resources")) for page in PdfReader(io.BytesIO(pdf)).pages)


# ---- the picture -----------------------------------------------------------------------


def test_r24_picture_must_be_a_real_jpeg_or_png(order, trims):
    label, _tag = trims
    for bad in (
        upload("label.png", b"just some text, not a picture"),
        upload("label.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20),  # a PNG's first bytes only
        upload("label.gif", b"GIF89a" + b"\0" * 20),
    ):
        with pytest.raises(ActionRefused):
            trim_picture_set(trim_id=label.pk, user=order.merchandiser, picture=bad)
    with pytest.raises(ActionRefused):
        make_trim(order, picture=upload("x.jpg", b"not a jpeg"))


def test_r24_picture_size_is_limited(order, trims, settings):
    label, _tag = trims
    settings.GENDAN_UPLOAD_MAX_MB = {**settings.GENDAN_UPLOAD_MAX_MB, "picture": 0}
    with pytest.raises(ActionRefused, match="too large"):
        trim_picture_set(trim_id=label.pk, user=order.merchandiser, picture=upload("a.png", png()))


def test_r24_picture_is_stored_under_its_true_type(order, trims):
    _label, tag = trims
    trim = trim_picture_set(
        trim_id=tag.pk, user=order.merchandiser, picture=upload("tag.jpg", png())
    )
    assert trim.picture.name.endswith(".png")
    assert order.events.filter(action="trim_picture").exists()


def test_r24_picture_upload_screen(client, order, trims):
    _label, tag = trims
    client.force_login(order.merchandiser)
    url = reverse("suppliers:trim_picture", args=[tag.pk])

    refused = client.post(url, {"picture": upload("tag.png", b"not a picture")})
    assert refused.status_code == 400
    ok = client.post(url, {"picture": upload("tag.png", png())})
    assert ok.status_code == 302
    tag.refresh_from_db()
    assert tag.picture


# ---- the form ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r24_trim_list_renders_with_pictures_and_chinese_names(order, trims, language):
    pdf = render_pdf(get_form(TRIM_LIST_FORM), order, language)

    text = "".join(pdf_text(pdf).split())  # narrow columns wrap names over lines
    for expected in (MAIN_LABEL, HANG_TAG, BUTTON_SUPPLIER, "Pantone19-4052", "45x90mm"):
        assert expected in text
    assert "1050pcs" in text and "1.5pcs" in text
    assert image_xobjects(pdf) >= 1  # the label's picture is embedded, not linked


def test_r24_trim_list_groups_trims_by_source(order, trims):
    text = "".join(pdf_text(render_pdf(get_form(TRIM_LIST_FORM), order, "en")).split())
    factory, nominated = (
        "".join(str(source.label).split())
        for source in (TrimSource.FACTORY, TrimSource.CUSTOMER_NOMINATED)
    )
    assert text.index(factory) < text.index(MAIN_LABEL) < text.index(nominated)
    assert text.index(nominated) < text.index(HANG_TAG)


def test_r24_a_lost_picture_file_reads_no_picture(order, trims):
    label, _tag = trims
    label.picture.storage.delete(label.picture.name)

    pdf = render_pdf(get_form(TRIM_LIST_FORM), order, "en")
    assert pdf_text(pdf).count("no picture") == 2
    assert image_xobjects(pdf) == 0


# ---- sending, and QC ------------------------------------------------------------------


def test_r24_send_goes_through_document_send(order, trims, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = trim_list_send(order_id=order.pk, user=order.merchandiser)

    assert isinstance(document, SentDocument)
    document.refresh_from_db()
    assert (document.form_code, document.printed) == (TRIM_LIST_FORM, order)
    assert document.recipient_email == order.factory.email
    [message] = mail.outbox
    assert message.attachments[0][0].startswith(f"{TRIM_LIST_FORM}-")
    assert order.events.filter(action="trim_list_sent").exists()
    assert order.events.filter(action="document_sent").exists()


def test_r24_send_refused_without_trims(order):
    with pytest.raises(ActionRefused):
        trim_list_send(order_id=order.pk, user=order.merchandiser)
    assert not SentDocument.objects.exists()


def test_r24_send_screen(client, order, trims, django_capture_on_commit_callbacks):
    client.force_login(order.merchandiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("suppliers:trim_list_send", args=[order.pk]))
    assert response.status_code == 302
    assert SentDocument.objects.filter(order=order, form_code=TRIM_LIST_FORM).count() == 1


def test_r24_qc_opens_the_same_list(client, qc, order, trims):
    client.force_login(qc)
    page = client.get(order.get_absolute_url())
    url = reverse("documents:preview_pdf", args=[TRIM_LIST_FORM, order.pk])
    assert url in page.content.decode()

    response = client.get(url)
    assert response.status_code == 200
    assert MAIN_LABEL in "".join(pdf_text(response.content).split())
    assert client.post(reverse("suppliers:trim_list_send", args=[order.pk])).status_code == 403
