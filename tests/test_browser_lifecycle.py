"""The issue's browser scenario: a merchandiser enters an order and submits it, managers
approve it in the Django admin, and the merchandiser sees the new stage."""

import re
from datetime import date, timedelta

import pytest

from orders.models import Order
from orders.roles import Role
from tests.browser import log_in
from tests.factories import make_customer, make_factory, make_user

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password


def stage_shown(page) -> str:
    return page.locator(".page-head h1 .badge").inner_text().strip()


def log_out(page) -> None:
    page.context.clear_cookies()


def test_order_from_entry_to_approval_in_the_browser(page, live_server, team):
    merchandiser = make_user(Role.MERCHANDISER, team=team)
    manager = make_user(Role.DEPARTMENT_MANAGER, team=team, is_staff=True)
    clerk = make_user(Role.ADMINISTRATION, is_staff=True)
    customer = make_customer(name="Northwind Apparel")
    factory = make_factory(name="东莞华艺制衣厂")
    ex_factory = date.today() + timedelta(days=60)

    # The merchandiser enters the customer's P/O with one line.
    log_in(page, merchandiser.username, PASSWORD)
    page.goto("/orders/new/")
    page.select_option("#id_customer", label=customer.name)
    page.fill("#id_po_number", "NW-2027-0042")
    page.fill("#id_style_no", "NW-SH-118")
    page.fill("#id_description", "Men's oxford shirt")
    page.select_option("#id_payment_terms", value="oa")
    page.fill("#id_order_date", date.today().isoformat())
    page.fill("#id_customer_date", (ex_factory + timedelta(days=14)).isoformat())
    page.fill("#id_ex_factory_date", ex_factory.isoformat())
    page.select_option("#id_factory", label=factory.name)
    page.fill("#id_lines-0-colour", "Light blue")
    page.fill("#id_lines-0-sizes", "S:120, M:240, L:140")
    page.fill("#id_lines-0-unit_price", "7.85")
    with page.expect_navigation():
        page.get_by_role("button", name="Enter order").click()
    order = Order.objects.get(po_number="NW-2027-0042")
    assert page.url.endswith(f"/orders/{order.pk}/")
    assert stage_shown(page) == "Received"

    # R5: every contract item ticked and the customer's signature present, then submit.
    for checkbox in page.locator("#contract-check input[type=checkbox]").all():
        checkbox.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save contract check").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit for review").click()
    assert stage_shown(page) == "In review"

    # The department manager approves in the admin; the order waits for administration.
    log_out(page)
    log_in(page, manager.username, PASSWORD)
    page.goto(f"/admin/orders/order/{order.pk}/change/")
    with page.expect_navigation():
        page.get_by_role("link", name="Approve", exact=True).click()
    page.fill("textarea[name=comment]", "Price and dates agreed with the customer")
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    assert "In review" in page.content()

    # Administration reviews: the last signature the chain needs.
    log_out(page)
    log_in(page, clerk.username, PASSWORD)
    page.goto(f"/admin/orders/order/{order.pk}/change/")
    with page.expect_navigation():
        page.get_by_role("link", name="Approve", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()

    # The merchandiser sees the new stage and who signed, on the order page.
    log_out(page)
    log_in(page, merchandiser.username, PASSWORD)
    page.goto(f"/orders/{order.pk}/")
    assert stage_shown(page) == "Approved"
    page.get_by_role("link", name="Timeline").click()  # the section index opens it
    timeline = page.locator(".timeline").inner_text()
    assert manager.username in timeline and clerk.username in timeline
    assert re.search(r"Price and dates agreed", timeline)
