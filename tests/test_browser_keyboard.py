"""Issue 18, keyboard: the first Tab stop skips the header, and after a failed submit focus lands on
the error summary, whose links lead to the fields to correct."""

from datetime import date, timedelta

import pytest

from tests.browser import log_in
from tests.factories import make_factory, make_order

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.tagName")


def test_the_first_tab_stop_skips_to_the_page_content(page, live_server, merchandiser):
    log_in(page, merchandiser.username, PASSWORD)
    page.goto("/orders/")

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")

    assert focused(page) == "content"
    page.keyboard.press("Tab")  # the next stop is inside the page, not the header's links
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_a_refused_order_takes_focus_to_the_summary_that_links_to_the_field(
    page, live_server, merchandiser
):
    existing = make_order(merchandiser=merchandiser, po_number="NW-7")
    factory = make_factory(name="Dongguan Huayi")
    log_in(page, merchandiser.username, PASSWORD)
    page.goto("/orders/new/")
    page.select_option("#id_customer", label=existing.customer.name)
    page.fill("#id_po_number", "NW-7")  # the customer already has this P/O
    page.fill("#id_style_no", "NW-SH-1")
    page.fill("#id_description", "Oxford shirt")
    page.select_option("#id_payment_terms", value="oa")
    page.fill("#id_order_date", date.today().isoformat())
    page.fill("#id_customer_date", (date.today() + timedelta(days=70)).isoformat())
    page.fill("#id_ex_factory_date", (date.today() + timedelta(days=60)).isoformat())
    page.select_option("#id_factory", label=factory.name)
    page.fill("#id_lines-0-colour", "Navy")
    page.fill("#id_lines-0-sizes", "S:10")
    page.fill("#id_lines-0-unit_price", "5")
    with page.expect_navigation():
        page.get_by_role("button", name="Enter order").click()

    summary = page.locator(".form-errors")
    assert page.evaluate("() => document.activeElement.classList.contains('form-errors')")
    link = summary.get_by_role("link", name="P/O no.")
    assert "already has an order with P/O no. NW-7" in link.inner_text()
    link.click()
    assert focused(page) == "id_po_number"
