"""Issue 18: the main pages of every role, in the three languages, on the demo data, pass axe-core's
WCAG 2.1 A/AA rules with no serious or critical violation, carry no duplicate id, and do not scroll
sideways on a 390 px phone.

The demo is seeded once and every page is audited in one test: seeding is the slow part, and the
live server only sees committed data, which the next test's flush takes away."""

import json
import os
from dataclasses import asdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from complaints.models import Complaint, ReturnApplication
from orders.choices import Language, Stage
from orders.demo import DEMO_PASSWORD
from orders.models import ChangeRequest, Customer, Order
from samples.models import SampleRequest
from shipping.models import InspectionBooking
from suppliers.models import FabricBooking, Factory, Supplier
from tests.accessibility import DESKTOP, Finding, audit
from tests.browser import log_in

pytestmark = pytest.mark.browser


# Pages every signed-in role reaches from the navigation, found on the home page itself so that a
# page added to the navigation is audited from the day it lands.
NAV_LINKS = "nav.mainnav a"
NOT_OURS = ("/admin/",)  # Django's admin is audited by Django

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
    if username == "warehouse_head":
        return after_sales_pages(username)[:4]
    return report_pages() + after_sales_pages(username)[:1] + order_pages("merch")[:3]


# Who reads their pages in which language: every role once, every language on every kind of page
# (the merchandisers' pages are most of the site). All of them in all three would take 12 minutes.
USERS = {
    "merch": [Language.TRADITIONAL_CHINESE, Language.ENGLISH],
    "merch2": [Language.SIMPLIFIED_CHINESE],
    "manager": [Language.ENGLISH],
    "gm": [Language.SIMPLIFIED_CHINESE],
    "admin_clerk": [Language.TRADITIONAL_CHINESE],
    "finance": [Language.ENGLISH],
    "qc": [Language.SIMPLIFIED_CHINESE, Language.TRADITIONAL_CHINESE],
    "warehouse_head": [Language.TRADITIONAL_CHINESE],
}


def switch_language(page, language: str) -> None:
    page.goto(reverse("orders:home"))
    page.select_option("#language", language)
    with page.expect_navigation():
        page.click("form.language [type=submit]")


def audit_user(page, username: str) -> list:
    log_in(page, username, DEMO_PASSWORD)
    page.goto(reverse("orders:home"))
    nav = [link.get_attribute("href") for link in page.locator(NAV_LINKS).all()]
    urls = [url for url in dict.fromkeys(nav + pages_of(username)) if not url.startswith(NOT_OURS)]
    findings = []
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


def test_main_pages_pass_axe_have_unique_ids_and_fit_a_phone(page, live_server, settings):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    page.set_viewport_size(DESKTOP)

    findings = [(username, f) for username in USERS for f in audit_user(page, username)]
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
