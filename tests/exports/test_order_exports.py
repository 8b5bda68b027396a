"""The order list, the progress sheet (R26) and the plans of many orders, exported."""

from datetime import date, datetime

import pytest
from django.test import override_settings

from orders.exports.lists import OrderListTable
from orders.models import ProcessStep
from orders.services.progress import progress_report
from tests.exports.conftest import csv_of, sheet_of, table_of


def test_order_list_exports_what_the_page_shows(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    response = client.get("/orders/", {"customer": two_teams[0][0].customer_id, "export": "xlsx"})
    header, rows = table_of(response)
    assert header[:3] == ["P/O no.", "Style no.", "Description"]
    # The team's orders only (not W-1), filtered to Acme, in the page's order (ex-factory).
    assert [row[0] for row in rows] == ["A-2", "A-1"]
    a2 = rows[0]
    currency, amount = header.index("Currency"), header.index("Total amount")
    assert (a2[currency], a2[amount]) == ("EUR", 12250)
    assert a2[header.index("Ex-factory")] == datetime(2026, 7, 20)


def test_sheet_layout_title_filters_frozen_header_widths_and_formats(
    client, merchandiser, two_teams
):
    client.force_login(merchandiser)
    response = client.get("/orders/", {"customer": two_teams[0][0].customer_id, "export": "xlsx"})
    sheet, header_row = sheet_of(response)
    assert sheet["A1"].value == "Orders"
    above = [sheet.cell(row=r, column=1).value for r in range(2, header_row)]
    assert "Filters" in above
    assert [sheet.cell(row=above.index("Filters") + 3, column=c).value for c in (1, 2)] == [
        "Customer",
        "Acme",
    ]  # noqa: E501
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.cell(row=header_row, column=1).font.bold
    assert sheet.column_dimensions["C"].width == 30
    amount = sheet.cell(row=header_row + 1, column=10)
    assert amount.number_format == "#,##0.00" and amount.value == 12250  # a number, not text
    assert sheet.cell(row=header_row + 1, column=11).is_date


@pytest.mark.parametrize(
    ("language", "first"), [("en", "P/O no."), ("zh-hant", "P/O 號"), ("zh-hans", "P/O 号")]
)
def test_headers_in_the_users_language(client, merchandiser, two_teams, language, first):
    merchandiser.profile.language = language
    merchandiser.profile.save()
    client.force_login(merchandiser)
    header, _rows = table_of(client.get("/orders/", {"export": "xlsx"}))
    assert header[0] == first
    assert csv_of(client.get("/orders/", {"export": "csv"}))[0][0] == first


def test_csv_follows_the_users_ordering(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    rows = csv_of(client.get("/orders/", {"sort": "-customer_date", "export": "csv"}))
    assert [row[0] for row in rows[1:]] == ["A-1", "A-2", "Z-1"]
    assert rows[1][rows[0].index("Customer date")] == "2026-09-01"


def test_export_respects_who_sees_what(client, department_manager, merchandiser, two_teams):
    client.force_login(department_manager)
    rows = csv_of(client.get("/orders/", {"export": "csv"}))
    assert {row[0] for row in rows[1:]} == {"A-1", "A-2", "Z-1", "W-1"}


def test_unknown_format_is_not_found(client, merchandiser):
    client.force_login(merchandiser)
    assert client.get("/orders/", {"export": "pdf"}).status_code == 404


@override_settings()
def test_the_export_streams_in_chunks(
    client, merchandiser, two_teams, monkeypatch, django_assert_max_num_queries
):  # noqa: E501
    """Rows are read in chunks and written to a temporary file (XLSX) or the response (CSV):
    with a chunk of one order the export still holds every order, in order."""
    monkeypatch.setattr(OrderListTable, "chunk_size", 1)
    client.force_login(merchandiser)
    response = client.get("/orders/", {"export": "xlsx"})
    assert response.streaming
    _header, rows = table_of(response)
    assert [row[0] for row in rows] == ["Z-1", "A-2", "A-1"]
    response = client.get("/orders/", {"export": "csv"})
    assert response.streaming and response["Content-Type"].startswith("text/csv")


def test_progress_sheet_across_orders(client, merchandiser, two_teams):
    order = two_teams[0][0]
    ProcessStep.objects.update(active=False)
    cutting = ProcessStep.objects.create(code="x-cut", name="Cutting", position=1)
    ProcessStep.objects.create(code="x-sew", name="Sewing", position=2)
    progress_report(
        order_id=order.pk, user=merchandiser, step_id=cutting.pk, reported_on=date.today(),
        quantity_done=120, quantity_scrapped=5, exception="", completed=False,
    )  # fmt: skip
    client.force_login(merchandiser)
    page = client.get("/reports/progress/", {"q": "A-1"})
    assert page.status_code == 200 and "Cutting" in page.content.decode()
    header, rows = table_of(client.get("/reports/progress/", {"q": "A-1", "export": "xlsx"}))
    steps = [row[header.index("Process step")] for row in rows]
    assert steps == ["Cutting", "Sewing"]
    cut = rows[steps.index("Cutting")]
    assert cut[header.index("Delivered")] == 120
    assert cut[header.index("Scrapped")] == 5


def test_plans_of_many_orders_one_column_per_milestone(client, merchandiser, two_teams):
    from orders.services.planning import plan_build

    for order in two_teams[0]:
        plan_build(order=order, user=merchandiser)
    client.force_login(merchandiser)
    header, rows = table_of(client.get("/reports/plans/", {"export": "xlsx"}))
    planned = [h for h in header if h.endswith(": planned")]
    if not planned:
        pytest.skip("no plan template in this database")
    assert len(rows) == 3
    first = header.index(planned[0])
    assert header[first + 1].endswith(": actual") and header[first + 2].endswith(": projected")
    assert isinstance(rows[0][first], datetime)


def test_every_list_links_its_export(client, department_manager, finance):
    client.force_login(department_manager)
    page = client.get("/orders/", {"stage": "received"}).content.decode()
    assert "export=xlsx" in page and "export=csv" in page
    # The order list links the other apps' sheets (registered by them), with its filters.
    assert "/shipping/tracking/?stage=received" in page and "/complaints/returns/" in page
    for url in ("/reports/progress/", "/reports/plans/", "/shipping/tracking/",
                "/shipping/inspections/", "/complaints/list/", "/complaints/returns/"):  # fmt: skip
        assert "export=xlsx" in client.get(url).content.decode(), url
    client.force_login(finance)
    assert "export=xlsx" in client.get("/shipping/collections/").content.decode()
