"""The issue's browser scenario for imports: upload a customer's P/O sheet, see the preview with
its row errors, upload the corrected file, confirm, and find the orders in the order list."""

import pytest

from orders.demo.import_examples import CUSTOMER, FACTORY, FOLDER
from orders.models import Order
from orders.roles import Role
from tests.browser import log_in
from tests.factories import make_customer, make_factory, make_user

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(page, name: str, *, customer=None, factory=None) -> None:
    content = (FOLDER / name).read_bytes()
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": XLSX, "buffer": content}])
    if customer:
        page.select_option("#id_customer", label=customer)
        page.select_option("#id_default_factory", label=factory)
    with page.expect_navigation():
        page.click("form.import-form [type=submit]")


def test_import_preview_fix_confirm_in_the_browser(page, live_server, team):
    merchandiser = make_user(Role.MERCHANDISER, team=team)
    make_customer(name=CUSTOMER)
    make_factory(name=FACTORY)

    log_in(page, merchandiser.username, PASSWORD)
    page.goto("/orders/")
    page.click("text=Import P/Os")
    upload(page, "northwind-with-mistakes.xlsx", customer=CUSTOMER, factory=FACTORY)

    # The preview lists the file's orders and each problem with its row and column.
    errors = page.locator("table.row-errors tbody tr")
    assert errors.count() == 2
    assert errors.nth(0).inner_text().split("\t")[:2] == ["7", "FOB Price"]
    assert "is not a number" in errors.nth(0).inner_text()
    assert "NW-26-4101" in page.locator("table.preview").inner_text()
    assert page.locator("#confirm-import").count() == 0
    assert Order.objects.count() == 0

    # The corrected file, uploaded from the same page (customer and factory are kept).
    upload(page, "northwind-sizes-as-columns.xlsx")
    assert page.locator("table.row-errors").count() == 0
    assert "3 orders, 5 lines, 3700 pieces" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.click("#confirm-import")
    assert "3 orders imported" in page.locator("main").inner_text()

    with page.expect_navigation():
        page.click("text=See them in the order list")
    listed = page.locator("table.table tbody").inner_text()
    assert all(po in listed for po in ("NW-26-4101", "NW-26-4102", "NW-26-4103"))
    assert Order.objects.filter(merchandiser=merchandiser).count() == 3
