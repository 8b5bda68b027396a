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


def fill_new_order(page, customer: str, factory: str, po_number: str, sizes: str) -> None:
    page.goto("/orders/new/")
    page.select_option("#id_customer", label=customer)
    page.fill("#id_po_number", po_number)
    page.fill("#id_style_no", "NW-SH-1")
    page.fill("#id_description", "Oxford shirt")
    page.select_option("#id_payment_terms", value="oa")
    page.fill("#id_order_date", date.today().isoformat())
    page.fill("#id_customer_date", (date.today() + timedelta(days=70)).isoformat())
    page.fill("#id_ex_factory_date", (date.today() + timedelta(days=60)).isoformat())
    page.select_option("#id_factory", label=factory)
    page.fill("#id_lines-0-colour", "Navy")
    page.fill("#id_lines-0-sizes", sizes)
    page.fill("#id_lines-0-unit_price", "5")
    with page.expect_navigation():
        page.get_by_role("button", name="Enter order").click()


def test_a_refused_order_takes_focus_to_the_summary_that_links_to_the_field(
    page, live_server, merchandiser
):
    existing = make_order(merchandiser=merchandiser, po_number="NW-7")
    factory = make_factory(name="Dongguan Huayi")
    log_in(page, merchandiser.username, PASSWORD)
    # The customer already has this P/O.
    fill_new_order(page, existing.customer.name, factory.name, "NW-7", sizes="S:10")

    summary = page.locator(".form-errors")
    assert page.evaluate("() => document.activeElement.classList.contains('form-errors')")
    link = summary.get_by_role("link", name="P/O no.")
    assert "already has an order with P/O no. NW-7" in link.inner_text()
    link.click()
    assert focused(page) == "id_po_number"


def test_a_refused_order_line_is_in_the_summary_and_its_link_reaches_the_cell(
    page, live_server, merchandiser
):
    existing = make_order(merchandiser=merchandiser)
    factory = make_factory(name="Dongguan Huayi")
    log_in(page, merchandiser.username, PASSWORD)
    fill_new_order(page, existing.customer.name, factory.name, "NW-8", sizes="S:many")

    assert page.evaluate("() => document.activeElement.classList.contains('form-errors')")
    page.locator(".form-errors").get_by_role("link", name="line 1").first.click()
    assert focused(page) == "id_lines-0-sizes"
    # The cell's error is what the input describes itself with.
    described = page.get_attribute("#id_lines-0-sizes", "aria-describedby")
    assert "id_lines-0-sizes_error" in described.split()
    assert page.locator("#id_lines-0-sizes_error").inner_text()
