"""Issue 18: the main pages of every role, in the three languages, on the demo data, pass axe-core's
WCAG 2.1 A/AA rules with no serious or critical violation, carry no duplicate id, and do not scroll
sideways on a 390 px phone. Besides the site's own pages: the Django admin pages the managers use,
the login page, and the signed-link pages factories and customers open without an account.

The demo is seeded once and every page is audited in one test: seeding is the slow part, and the
live server only sees committed data, which the next test's flush takes away."""

import json
import os
from dataclasses import asdict
from datetime import date
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from complaints.models import Complaint, ReturnApplication
from orders.changes.choices import Requester
from orders.changes.fields import contract_snapshot
from orders.changes.lifecycle import change_request_send
from orders.changes.services import change_request_raise
from orders.choices import Language, Stage
from orders.demo import DEMO_PASSWORD
from orders.documents import links
from orders.documents.services import document_confirm, document_send
from orders.feedback.rules import FEEDBACK_FORM
from orders.intake.choices import PmcReplyStatus
from orders.intake.models import PmcReply
from orders.models import ChangeRequest, Customer, Order, SentDocument
from orders.outbox.tasks import deliver_outbox
from orders.planning import customer_status
from samples.models import SampleRequest
from shipping.models import InspectionBooking
from shipping.statements.choices import StatementStatus
from shipping.statements.models import Statement
from suppliers.models import FabricBooking, Factory, Supplier
from tests.accessibility import DESKTOP, Finding, audit
from tests.browser import log_in
from tests.outbox import mark_sent

pytestmark = pytest.mark.browser


# Pages every signed-in role reaches from the navigation, found on the home page itself so that a
# page added to the navigation is audited from the day it lands.
NAV_LINKS = "nav.mainnav a"
ADMIN = "/admin/"  # the navigation's admin links: the admin pages audited are listed below
# Users whose navigation is the merchandisers' (already audited): only their home page and own
# pages, to keep the test's run time.
NAV_AUDITED_ELSEWHERE = {"pmc"}

# The stages whose order page a merchandiser works on; each shows other sections.
ORDER_STAGES = [
    Stage.RECEIVED,
    Stage.IN_REVIEW,
    Stage.APPROVED,
    Stage.IN_PRODUCTION,
    Stage.INSPECTION,
    Stage.SHIPPING,
    Stage.SETTLED,
    Stage.ON_HOLD,
]


def order_pages(username: str) -> list[str]:
    pages = []
    for stage in ORDER_STAGES:
        order = Order.objects.filter(stage=stage, merchandiser__username=username).first()
        if order is not None:
            pages.append(reverse("orders:detail", args=[order.pk]))
    received = Order.objects.filter(stage=Stage.RECEIVED, merchandiser__username=username)[0]
    settled = Order.objects.filter(stage=Stage.SETTLED, merchandiser__username=username)[0]
    producing = Order.objects.filter(stage=Stage.IN_PRODUCTION, merchandiser__username=username)[0]
    pages += [
        reverse("orders:create"),
        reverse("orders:import"),
        reverse("orders:edit", args=[received.pk]),
        reverse("documents:order_file", args=[producing.pk]),
        reverse("samples:create", args=[producing.pk]),
        reverse("complaints:create", args=[settled.pk]),
        reverse("orders:repeat", args=[settled.pk]),
        reverse("orders:change_raise", args=[producing.pk]),
    ]
    change = first_of(ChangeRequest.objects, username)
    if change is not None:
        pages += [
            reverse("orders:change_detail", args=[change.pk]),
            reverse("orders:change_edit", args=[change.pk]),
        ]
    return pages


def first_of(objects, username: str):
    """The first object of the user's own orders (a merchandiser sees only those)."""
    objects = objects.order_by("pk")
    if username.startswith("merch"):
        objects = objects.filter(order__merchandiser__username=username)
    return objects.first()


def material_and_quality_pages(username: str) -> list[str]:
    sample = first_of(SampleRequest.objects, username)
    return [
        reverse("samples:detail", args=[sample.pk]),
        reverse("samples:check", args=[sample.pk]),
        reverse("suppliers:fabric_edit", args=[first_of(FabricBooking.objects, username).pk]),
        reverse("suppliers:supplier_detail", args=[Supplier.objects.first().pk]),
        reverse("suppliers:factory_detail", args=[Factory.objects.first().pk]),
        reverse("shipping:inspections"),
        reverse("shipping:tracking"),
        reverse("shipping:aql"),
    ]


def after_sales_pages(username: str) -> list[str]:
    returned = first_of(ReturnApplication.objects, username)
    return [
        reverse("complaints:detail", args=[first_of(Complaint.objects, username).pk]),
        reverse("complaints:list"),
        reverse("complaints:returns"),
        reverse("complaints:return_detail", args=[returned.pk]),
        reverse("documents:customer_file", args=[Customer.objects.first().pk]),
    ]


def admin_pages() -> list[str]:
    """The Django admin pages the managers work in (our templates over Django's)."""
    order = Order.objects.filter(stage=Stage.IN_PRODUCTION).first()
    return [
        reverse("admin:index"),
        reverse("admin:orders_order_changelist"),
        reverse("admin:orders_order_change", args=[order.pk]),
        reverse("admin:orders_changerequest_changelist"),
        reverse("admin:shipping_guaranteeletter_changelist"),
        reverse("admin:orders_outboxmessage_changelist"),
    ]


def report_pages() -> list[str]:
    return [
        reverse("orders:lateness"),
        reverse("orders:progress_sheet"),
        reverse("orders:plans"),
    ]


def pages_of(username: str) -> list[str]:
    """The pages audited for one demo user, besides the navigation's."""
    if username.startswith("merch"):
        return (
            order_pages(username)
            + material_and_quality_pages(username)
            + after_sales_pages(username)
        )
    if username == "qc":
        booking = InspectionBooking.objects.filter(report__isnull=False).first()
        return [
            reverse("shipping:report", args=[booking.pk]),
            reverse("shipping:inspections"),
            reverse("shipping:aql"),
        ]
    if username == "pmc":  # R13 / R29: the intake section of the order page, asked and answered
        waiting = PmcReply.objects.filter(status=PmcReplyStatus.WAITING).first().order
        direct = Order.objects.filter(direct_order=True).first()
        return [reverse("orders:detail", args=[order.pk]) for order in (waiting, direct)]
    if username == "warehouse_head":
        return after_sales_pages(username)[:4]
    pages = report_pages() + after_sales_pages(username)[:1] + order_pages("merch")[:3]
    if username in ("manager", "gm"):
        pages += admin_pages()
    if username == "finance":  # R31: a disputed statement (the lists are in the navigation)
        pages.append(
            Statement.objects.filter(status=StatementStatus.DISPUTED)[0].get_absolute_url()
        )
    return pages


# Who reads their pages in which language: every role once, every language on every kind of page
# (the merchandisers' pages are most of the site). All of them in all three would take 12 minutes;
# each user's home page (their navigation) is audited in the other languages too.
USERS = {
    "merch": [Language.TRADITIONAL_CHINESE, Language.ENGLISH],
    "merch2": [Language.SIMPLIFIED_CHINESE],
    "manager": [Language.ENGLISH],
    "gm": [Language.SIMPLIFIED_CHINESE],
    "admin_clerk": [Language.TRADITIONAL_CHINESE],
    "finance": [Language.ENGLISH],
    "qc": [Language.SIMPLIFIED_CHINESE, Language.TRADITIONAL_CHINESE],
    "warehouse_head": [Language.TRADITIONAL_CHINESE],
    "pmc": [Language.SIMPLIFIED_CHINESE],
}


def switch_language(page, language: str) -> None:
    """With the switcher of the page open, which comes back in the language."""
    page.select_option("#language", language)
    with page.expect_navigation():
        page.click("form.language [type=submit]")


def audit_user(page, username: str) -> list:
    log_in(page, username, DEMO_PASSWORD)
    page.goto(reverse("orders:home"))
    nav = [link.get_attribute("href") for link in page.locator(NAV_LINKS).all()]
    nav = [url for url in nav if not url.startswith(ADMIN)]
    if username in NAV_AUDITED_ELSEWHERE:
        nav = [reverse("orders:home")]
    urls = list(dict.fromkeys(nav + pages_of(username)))
    findings = []
    for language in Language.values:
        if language not in USERS[username]:
            switch_language(page, language)  # back on the home page
            findings.append(audit(page, language))
    for language in USERS[username]:
        switch_language(page, language)
        for url in urls:
            response = page.goto(url)
            if response.status != 200:
                findings.append(Finding(url, language, status=response.status))
                continue
            findings.append(audit(page, language))
    page.context.clear_cookies()
    return findings


def public_pages() -> list[tuple[str, str]]:
    """(url, the recipient's language) of each kind of signed-link page: a factory confirms
    receipt of a change notice, answers one (an amendment in production: agreed or not, what is
    cut and made), uploads its signed copy; a customer countersigns its feedback form, and reads
    its order's status page."""
    with mock.patch.object(deliver_outbox, "apply_async"):  # nothing is mailed: marked sent
        answer = send_change_notice()
        settled = Order.objects.filter(stage=Stage.SETTLED).first()
        countersign = document_send(spec_code=FEEDBACK_FORM, obj=settled, user=settled.merchandiser)
    for document in (answer, countersign):
        mark_sent(document.outbox_id)
    receipt, upload = SentDocument.objects.filter(form_code="F-CHG-001").exclude(pk=answer.pk)[:2]
    document_confirm(document_id=upload.pk, message_id=upload.message_id, name="陳大文", note="")
    documents = [receipt, answer, upload, countersign]
    pages = [
        (reverse("documents:public", args=[links.make_token(d)]), d.recipient_language)
        for d in documents
    ]
    status = reverse("documents:customer_status", args=[customer_status.make_token(settled)])
    return pages + [(status, settled.customer.language)]


def send_change_notice() -> SentDocument:
    """A contract amendment to an order in production, sent to its factory, which has not
    answered yet."""
    order = Order.objects.filter(stage=Stage.IN_PRODUCTION, change_requests__isnull=True)[0]
    proposed = contract_snapshot(order)
    proposed["fields"]["description"] += " (new trims)"
    change = change_request_raise(
        order_id=order.pk,
        user=order.merchandiser,
        proposed=proposed,
        requested_by=Requester.CUSTOMER,
        customer_reference="A11Y-1",
        customer_reference_date=date.today(),
        reason="New trims",
        is_amendment=True,
    )
    change_request_send(change_id=change.pk, user=order.merchandiser)
    return SentDocument.objects.get(form_code="F-CHG-001", object_id=change.pk)


def audit_anonymous(page, base_url: str) -> list:
    """The pages opened without an account: the login page, and the signed-link pages a
    factory or a customer opens from its e-mail, each in the recipient's language."""
    findings = []
    for language in (Language.ENGLISH, Language.TRADITIONAL_CHINESE):
        cookie = {"name": "django_language", "value": language, "url": base_url}
        page.context.add_cookies([cookie])
        page.goto(reverse("login"))
        findings.append(audit(page, language))
    page.context.clear_cookies()
    for url, language in public_pages():
        response = page.goto(url)
        if response.status != 200:
            findings.append(Finding(url, language, status=response.status))
            continue
        findings.append(audit(page, language))
    return findings


def test_main_pages_pass_axe_have_unique_ids_and_fit_a_phone(page, live_server, settings):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    page.set_viewport_size(DESKTOP)

    findings = [(username, f) for username in USERS for f in audit_user(page, username)]
    findings += [("anonymous", f) for f in audit_anonymous(page, live_server.url)]
    if os.environ.get("GENDAN_A11Y_REPORT"):  # the figures for the before/after counts
        with open(os.environ["GENDAN_A11Y_REPORT"], "w") as out:
            json.dump([dict(asdict(f), user=u) for u, f in findings], out, indent=1)
    report = [
        f"{username} [{finding.language}] {finding.url} {rule}: {detail}"
        for username, finding in findings
        for rule, detail in finding.problems().items()
    ]

    assert len(findings) > 100
    assert not report, "\n".join(report)
