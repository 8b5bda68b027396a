"""The factory's signed link: confirm receipt without an account; bad links change nothing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from freezegun import freeze_time

from orders.choices import EventKind
from orders.documents import links
from orders.documents.choices import DocumentStatus
from orders.documents.services import document_send
from orders.models import OrderEvent
from orders.outbox.tasks import deliver_outbox
from tests.form_filler import PNG  # a whole picture: uploads are opened to prove it
from tests.outbox import mark_sent
from tests.test_form_errors import missing_references

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(order, merchandiser):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


def url(document, suffix=""):
    return reverse("documents:public" + suffix, args=[links.make_token(document)])


def confirm(client, link, **data):
    return client.post(link, {"name": "陳大文", "note": "", **data})


def test_factory_opens_the_link_without_an_account(client, document):
    response = client.get(url(document))
    assert response.status_code == 200
    assert document.order.po_number in response.content.decode()


def test_confirmation_with_signed_copy_is_recorded_on_the_order(client, document):
    upload = SimpleUploadedFile("scan.png", PNG, content_type="image/png")
    response = confirm(client, url(document), note="收到", signed_copy=upload)

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.confirmed_by_name == "陳大文"
    assert document.confirmation_note == "收到"
    assert document.confirmed_at is not None
    assert document.signed_copy.read() == PNG
    assert OrderEvent.objects.filter(
        order=document.order, kind=EventKind.DOCUMENT, action="document_confirmed"
    ).exists()


def test_a_second_confirmation_changes_nothing(client, document):
    confirm(client, url(document))
    document.refresh_from_db()
    first = document.confirmed_at

    response = confirm(client, url(document), name="Someone else")
    # A double click or a reload: the page shows the receipt, not the signed copy's
    # "This field is required".
    assert response.status_code == 200
    with translation.override("zh-hant"):
        assert _("This field is required.") not in response.content.decode()
    document.refresh_from_db()
    assert (document.confirmed_by_name, document.confirmed_at) == ("陳大文", first)


def test_uploading_without_choosing_a_file_still_says_the_file_is_required(client, document):
    confirm(client, url(document))

    response = client.post(url(document), {"name": "陳大文"})

    assert response.status_code == 400
    with translation.override("zh-hant"):
        assert _("This field is required.") in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content"),
    [("virus.exe", b"MZ\x90\0" + b"\0" * 32), ("fake.pdf", b"not a pdf at all")],
)
def test_signed_copy_must_be_pdf_jpeg_or_png(client, document, name, content):
    response = confirm(client, url(document), signed_copy=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    document.refresh_from_db()
    assert not document.is_confirmed and not document.signed_copy


def test_signed_copy_size_is_limited(client, document, settings):
    settings.GENDAN_UPLOAD_MAX_MB = {**settings.GENDAN_UPLOAD_MAX_MB, "signed_copy": 0}
    response = confirm(client, url(document), signed_copy=SimpleUploadedFile("s.png", PNG))
    assert response.status_code == 400
    document.refresh_from_db()
    assert not document.is_confirmed


def test_tampered_link_is_refused_and_changes_nothing(client, document):
    token = links.make_token(document)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    link = reverse("documents:public", args=[tampered])

    assert client.get(link).status_code == 400
    response = confirm(client, link)
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    document.refresh_from_db()
    assert not document.is_confirmed


def test_a_link_for_another_document_id_is_refused(client, document):
    forged = links.signing.dumps({"d": document.pk}, salt="some other salt")
    assert client.get(reverse("documents:public", args=[forged])).status_code == 400


def test_expired_link_is_refused_and_changes_nothing(client, document, settings):
    with freeze_time(document.queued_at):
        link = url(document)
    later = document.queued_at + timedelta(days=settings.GENDAN_DOCUMENT_LINK_DAYS, minutes=1)
    with freeze_time(later):
        response = confirm(client, link)
        assert client.get(link + "pdf/").status_code == 410
    assert response.status_code == 410
    with translation.override(document.recipient_language):
        assert str(_("This link has expired")) in response.content.decode()
    document.refresh_from_db()
    assert not document.is_confirmed


@pytest.mark.parametrize(
    "language, label",
    [("en", "Your merchandiser"), ("zh-hant", "負責跟單員"), ("zh-hans", "负责跟单员")],
)
def test_expired_link_names_the_merchandiser_who_sent_an_order_form(
    client, order, merchandiser, settings, language, label
):
    """Only the forms finance sends name finance instead (tests/statements)."""
    order.factory.language = language
    order.factory.save(update_fields=["language"])
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    with freeze_time(document.queued_at):
        link = url(document)
    later = document.queued_at + timedelta(days=settings.GENDAN_DOCUMENT_LINK_DAYS, minutes=1)
    with freeze_time(later):
        page = client.get(link).content.decode()
    assert f"<h2>{label}</h2>" in page and merchandiser.email in page


def test_link_still_works_just_before_it_expires(client, document, settings):
    with freeze_time(document.queued_at):
        link = url(document)
    with freeze_time(document.queued_at + timedelta(days=settings.GENDAN_DOCUMENT_LINK_DAYS - 1)):
        assert client.get(link).status_code == 200


def test_a_document_not_yet_sent_is_not_shown(client, order, merchandiser):
    with mock.patch.object(deliver_outbox, "apply_async"):
        queued = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    assert queued.status == DocumentStatus.PENDING
    assert client.get(url(queued)).status_code == 404


def test_pdf_download_serves_the_sent_file(client, document):
    document.pdf.save("sent.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    response = client.get(url(document, "_pdf"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_refused_confirmation_links_its_errors_to_their_fields(client, document):
    response = confirm(client, url(document), name="")
    html = response.content.decode()

    assert response.status_code == 400
    assert '<a href="#id_name">' in html  # the error summary, focused on load
    assert missing_references(html) == []
