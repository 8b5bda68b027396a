"""Issue 15's pages in a real browser, in the three languages: lists use the screen without
overflowing it at 1,440 px, headings sort, the plan board and KPIs draw, QC's report works at
390 px (rows added with the button, photos, saved), and no English is left in the Chinese UIs."""

from datetime import date, timedelta

import pytest

from orders.roles import Role
from orders.services.planning import plan_build
from tests.browser import log_in
from tests.english import english_left
from tests.factories import make_order, make_user
from tests.shipping.conftest import book_final

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password
LANGUAGES = ["en", "zh-hant", "zh-hans"]
PAGES = [
    "/orders/",
    "/plan/board/",
    "/shipping/collections/",
    "/reports/kpis/",
    "/shipping/tracking/",
]


def overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def switch_language(page, language: str) -> None:
    if language == "en":
        return
    page.select_option("#language", language)
    with page.expect_navigation():
        page.click("form.language [type=submit]")


@pytest.fixture
def office(team):
    merchandiser = make_user(Role.MERCHANDISER, team=team, language="en")
    manager = make_user(Role.DEPARTMENT_MANAGER, team=team, language="en")
    qc = make_user(Role.QC, language="en")
    today = date.today()
    orders = []
    for n in range(3):
        order = make_order(
            merchandiser=merchandiser, po_number=f"UI-{n}", order_date=today - timedelta(days=40),
            ex_factory_date=today + timedelta(days=20 + 30 * n),
            customer_date=today + timedelta(days=35 + 30 * n),
        )  # fmt: skip
        plan_build(order=order, user=merchandiser)
        orders.append(order)
    return {"manager": manager, "qc": qc, "orders": orders}


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_board_and_kpis_fit_the_screen_sort_and_speak_the_language(
    page, live_server, office, language
):
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, office["manager"].username, PASSWORD)
    switch_language(page, language)
    for url in PAGES:
        page.goto(url)
        assert overflow(page) <= 0, f"{url} overflows at 1,440 px in {language}"
        text = page.inner_text("main") + page.inner_text("header")
        left = english_left(text) if language != "en" else []
        assert not left, f"{url} in {language} shows English: {left}"
    # A heading sorts the order list, and says so.
    page.goto("/orders/")
    with page.expect_navigation():
        page.locator("th a.sort").first.click()
    assert page.locator("th[aria-sort=ascending]").count() == 1
    # The board marks each order's milestones; the KPIs draw their charts as SVG.
    page.goto("/plan/board/")
    assert page.locator("td.board-cell").count() >= 3
    page.goto("/reports/kpis/")
    assert page.locator("section.kpi").count() >= 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_qc_records_a_report_with_two_defects_on_a_phone(
    page, live_server, office, language, tmp_path
):
    order = office["orders"][0]
    booking = book_final(order, office["qc"])
    picture = tmp_path / "stain.png"
    from PIL import Image

    Image.new("RGB", (32, 24), "red").save(picture)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, office["qc"].username, PASSWORD)
    switch_language(page, language)
    page.goto(f"/shipping/bookings/{booking.pk}/report/")
    assert overflow(page) <= 0, f"the QC report overflows at 390 px in {language}"
    if language != "en":
        left = english_left(page.inner_text("main"))
        assert not left, f"the QC report in {language} shows English: {left}"
    page.fill("#id_inspected_on", date.today().isoformat())
    page.fill("#id_major", "3")
    page.fill("#id_defects-0-description", "Oil stain")
    page.set_input_files("#id_defects-0-photo", str(picture))
    page.fill("#id_defects-1-description", "Broken stitch")
    page.locator("[data-add-row=defects]").click()
    page.fill("#id_defects-2-description", "Open seam")
    assert overflow(page) <= 0
    page.set_input_files("#id_photos", [str(picture)])
    with page.expect_navigation():
        page.locator("button.qc-submit").click()
    assert page.url.endswith(order.get_absolute_url())
    report = booking.__class__.objects.get(pk=booking.pk).report
    assert sorted(report.defects.values_list("description", flat=True)) == [
        "Broken stitch",
        "Oil stain",
        "Open seam",
    ]
    assert report.photos.count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_order_list_keeps_one_line_a_row_without_scrolling_sideways_at_1440(
    page, live_server, office, language
):
    """With the next-milestone, waiting-for and flag columns, the order list fits 1,440 px: its
    table does not scroll inside its frame, P/O numbers, dates, quantities and amounts are shown
    whole, and a long name is cut with its full text kept in the cell's title."""
    order = office["orders"][0]
    order.customer.name = "Harbourside Retail Holdings International plc"
    order.customer.save()
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, office["manager"].username, PASSWORD)
    switch_language(page, language)
    page.goto("/orders/")
    frame = page.locator(".table-wrap").first
    assert frame.evaluate("e => e.scrollWidth - e.clientWidth") <= 0
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('table.order-table tbody tr')].flatMap(row =>
             [0, 1, 5, 6, 7, 8].filter(i => row.cells[i].scrollWidth > row.cells[i].clientWidth)
           )"""
    )
    assert clipped == []
    heights = page.evaluate(
        "() => [...document.querySelectorAll('table.order-table tbody tr')]"
        ".map(row => row.getBoundingClientRect().height)"
    )
    assert len(heights) == 3 and max(heights) < 40
    assert page.locator(f"td[title='{order.customer.name}']").count() == 1
