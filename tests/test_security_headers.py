"""Every response carries a Content-Security-Policy without 'unsafe-inline' (so no template may
hold an inline script, event handler or style attribute), a Referrer-Policy and a
Permissions-Policy."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.urls import reverse

from orders.documents import links
from orders.documents.services import document_send
from orders.outbox.tasks import deliver_outbox
from tests.documents.conftest import factory_hant, order  # noqa: F401
from tests.outbox import mark_sent

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]

INLINE = {
    "an inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "a style attribute": re.compile(r"""\sstyle\s*=\s*["']""", re.I),
    "an event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
    "a <style> without the page's nonce": re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I),
}


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def assert_secure_headers(response) -> None:
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in csp.get("style-src", csp["default-src"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_every_kind_of_page_carries_the_security_headers(client, order, merchandiser):  # noqa: F811
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    mark_sent(document.outbox_id)
    public = client.get(reverse("documents:public", args=[links.make_token(document)]))
    anonymous = [client.get(reverse("login")), public, client.get("/no-such-page/")]
    client.force_login(merchandiser)
    signed_in = [client.get(order.get_absolute_url()), client.get(reverse("orders:reminders"))]
    for response in [*anonymous, *signed_in]:
        assert response.status_code in (200, 404)
        assert_secure_headers(response)


@pytest.mark.django_db
def test_the_form_preview_styles_itself_with_the_pages_nonce(client, order, merchandiser):  # noqa: F811
    client.force_login(merchandiser)
    response = client.get(reverse("documents:preview", args=["F-ORD-001", order.pk]))
    assert response.status_code == 200
    assert_secure_headers(response)
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in policy(response)["style-src"]


def test_no_template_holds_inline_script_or_style():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for directory in TEMPLATE_DIRS
        for path in directory.rglob("*.html")
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.django_db
def test_the_admin_export_page_binds_select_all_from_a_static_file(client, department_manager):
    client.force_login(department_manager)
    response = client.get(reverse("admin:orders_customer_export"))
    assert response.status_code == 200
    assert_secure_headers(response)
    assert "js/admin_export_toggle.js" in response.content.decode()
