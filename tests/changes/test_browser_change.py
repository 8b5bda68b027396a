"""The issue's browser scenario for a change (R8): the merchandiser asks for one from the order
page, the factory agrees through its link, the customer's confirmation is recorded, the
department manager signs on the site and administration in the admin, the merchandiser applies
it and the order shows Rev 2."""

import os

import pytest

from orders.changes.choices import ChangeStatus
from orders.documents import links
from orders.models import ChangeRequest, Order, SentDocument
from tests.browser import log_in
from tests.changes.conftest import line

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password
SHOTS = os.environ.get("GENDAN_SCREENSHOTS")  # a folder: keep a picture of each page


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def status_shown(page) -> str:
    return page.locator("#change-status").inner_text().strip()


def switch_to(page, user) -> None:
    page.context.clear_cookies()
    log_in(page, user.username, PASSWORD)


def test_a_change_from_draft_to_applied_across_the_roles(
    page, live_server, order, merchandiser, department_manager, clerk
):
    navy = line(order, "Navy")

    # The merchandiser asks for the customer's change from the order page.
    log_in(page, merchandiser.username, PASSWORD)
    page.goto(f"/orders/{order.pk}/")
    page.get_by_role("link", name="Request a change").click()
    page.fill("#id_customer_reference", "NW-CHG-12")
    page.fill(f"#id_line_{navy.pk}_sizes", "S:150, M:200")
    page.fill("#id_new_0_colour", "Red")
    page.fill("#id_new_0_sizes", "M:60, L:40")
    page.fill("#id_new_0_price", "5.80")
    with page.expect_navigation():
        page.get_by_role("button", name="Draft the change request").click()
    change = ChangeRequest.objects.get(order=order)
    assert status_shown(page) == "Draft"
    diff = page.locator("#change-diff").inner_text()
    assert "S 100 → 150" in diff and "Red" in diff and "500 → 650" in diff
    shot(page, "1-draft")

    with page.expect_navigation():
        page.get_by_role("button", name="Send the change notice to the factory").click()
    assert status_shown(page) == "Sent to the factory"

    # The factory agrees through the link in its e-mail, in its own language.
    notice = SentDocument.objects.get(form_code="F-CHG-001", object_id=change.pk)
    factory_page = page.context.new_page()
    factory_page.goto(f"/documents/f/{links.make_token(notice)}/")
    factory_page.select_option("select[name=agreed]", value="1")
    factory_page.fill("input[name=name]", "王廠長")
    with factory_page.expect_navigation():
        factory_page.locator("form button[type=submit]").click()
    factory_page.close()

    # Its answer is on the request; the merchandiser records the customer's confirmation.
    page.reload()
    assert "王廠長" in page.locator("#change-factory").inner_text()
    page.fill("#id_confirmed_by", "Ms Lee (Northwind)")
    with page.expect_navigation():
        page.get_by_role("button", name="Record the customer's confirmation").click()
    assert status_shown(page) == "Confirmed by the customer"

    # The department manager finds it on the home page and signs on the site.
    switch_to(page, department_manager)
    page.goto("/")
    page.locator("#panel-changes").get_by_role("link", name=f"{order.po_number} CR-1").click()
    shot(page, "2-to-sign")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign: Department manager").click()

    # Administration signs from the admin's list: the chain is complete.
    switch_to(page, clerk)
    page.goto("/admin/orders/changerequest/")
    page.locator(f"input[name=_selected_action][value='{change.pk}']").check()
    page.select_option("select[name=action]", value="sign_selected")
    with page.expect_navigation():
        page.locator("button[name=index]").click()
    assert ChangeRequest.objects.get(pk=change.pk).status == ChangeStatus.APPROVED

    # The merchandiser applies it: the order is Rev 2 with the new quantities.
    switch_to(page, merchandiser)
    page.goto(f"/changes/{change.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply the change (Rev 2)").click()
    assert status_shown(page) == "Applied"
    shot(page, "3-applied")
    order = Order.objects.get(pk=order.pk)
    assert order.revision == 2 and order.total_quantity == 650
    page.goto(f"/orders/{order.pk}/")
    assert "Rev 2" in page.locator("#section-changes").inner_text()
