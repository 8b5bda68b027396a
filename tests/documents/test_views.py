"""Staff screens: preview a form, send and re-send it, the order page's Documents section."""

from unittest import mock

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from orders.documents.selectors import documents_section
from orders.documents.services import document_send
from orders.models import SentDocument
from orders.outbox.tasks import deliver_outbox
from orders.roles import Role
from orders.sections import sections
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def preview(order, suffix="", **query):
    url = reverse("documents:preview" + suffix, args=["F-ORD-001", order.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_preview_html_in_the_factorys_language(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.get(preview(order))
    assert response.status_code == 200
    assert 'lang="zh-Hant"' in response.content.decode()


def test_preview_pdf_inline_in_a_chosen_language(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.get(preview(order, "_pdf", lang="en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response.content.startswith(b"%PDF-")


def test_preview_needs_an_account_and_sight_of_the_order(client, order):
    assert client.get(preview(order)).status_code == 302
    client.force_login(make_user(Role.MERCHANDISER))  # another team's merchandiser
    assert client.get(preview(order)).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        reverse("documents:preview", args=["F-NOPE", 1]),
        reverse("documents:preview", args=["F-ORD-001", 999999]),
    ],
)
def test_preview_of_unknown_form_or_object_is_404(client, merchandiser, url):
    client.force_login(merchandiser)
    assert client.get(url).status_code == 404


def test_preview_with_an_unknown_language_is_404(client, order, merchandiser):
    client.force_login(merchandiser)
    assert client.get(preview(order, lang="fr")).status_code == 404


def test_send_button_queues_the_next_version(client, order, merchandiser):
    client.force_login(merchandiser)
    url = reverse("documents:send", args=["F-ORD-001", order.pk])
    assert client.get(url).status_code == 405
    with mock.patch.object(deliver_outbox, "apply_async") as delay:
        response = client.post(url)
        client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith("#documents")
    versions = list(SentDocument.objects.values_list("version", flat=True).order_by("version"))
    assert versions == [1, 2]
    assert delay.call_count == 0  # the test's transaction never commits: nothing is queued


@pytest.mark.parametrize("next_page", ["2026-03-01", "orders"])
def test_a_next_page_that_is_not_a_path_is_followed_not_a_500(
    client, order, merchandiser, next_page
):
    """The hidden `next` field as a tampered or broken page posts it: redirect() took a bare word
    for a view's name and answered 500 after the form had gone."""
    client.force_login(merchandiser)
    with mock.patch.object(deliver_outbox, "apply_async"):
        response = client.post(
            reverse("documents:send", args=["F-ORD-001", order.pk]), {"next": next_page}
        )
    assert response.status_code == 302
    assert SentDocument.objects.filter(order=order).count() == 1


def test_resend_button(client, order, merchandiser):
    with mock.patch.object(deliver_outbox, "apply_async"):
        first = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
        client.force_login(merchandiser)
        client.post(reverse("documents:resend", args=[first.pk]))
    assert SentDocument.objects.filter(order=order, version=2).exists()


def test_someone_who_may_not_send_gets_an_error_not_a_document(client, order, qc):
    client.force_login(qc)  # QC sees every order but does not send contracts
    client.post(reverse("documents:send", args=["F-ORD-001", order.pk]))
    assert not SentDocument.objects.exists()


def test_documents_section_is_registered_and_lists_what_was_sent(order, merchandiser, qc):
    assert "documents" in [section.code for section in sections()]
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)

    section = documents_section(order=order, user=merchandiser)
    # Other apps register order-level forms too (the trim list, R24): only ours is certain here.
    assert "F-ORD-001" in [spec.code for spec in section["forms"]]
    assert {spec.model for spec in section["forms"]} == {"orders.Order"}
    assert section["documents"] == [document]
    assert section["can_send"]
    assert not documents_section(order=order, user=qc)["can_send"]

    html = render_to_string(
        "forms/includes/documents_section.html", {"order": order, "section": section}
    )
    assert escape(document.message_id) in html
    assert reverse("documents:resend", args=[document.pk]) in html
