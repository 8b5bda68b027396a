from datetime import date
from decimal import Decimal

import pytest

from orders.choices import EventKind, ImportStatus, Stage
from orders.models import Order, OrderEvent
from tests.importing.sheets import csv_bytes, wide_rows, xlsx

pytestmark = pytest.mark.django_db(transaction=False)


def test_wide_layout_previews_then_imports_every_order(merchandiser, run_import, customer, confirm):
    job = run_import(merchandiser, xlsx(wide_rows()))
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert Order.objects.count() == 0  # the preview wrote nothing
    assert [o["po_number"] for o in job.preview["orders"]] == ["PO-1", "PO-2"]
    assert job.preview["totals"]["quantity"] == 3 * 450
    job = confirm(job, merchandiser)
    assert job.status == ImportStatus.IMPORTED
    orders = Order.objects.filter(customer=customer).order_by("po_number")
    assert [o.po_number for o in orders] == ["PO-1", "PO-2"]
    first = orders[0]
    assert first.stage == Stage.RECEIVED
    assert [line.size_breakdown for line in first.lines.all()] == [
        {"S": 100, "M": 200, "L": 150}
    ] * 2
    assert first.customer_date == date(2030, 6, 30)
    assert OrderEvent.objects.filter(order=first, kind=EventKind.CREATED).count() == 1


def test_csv_with_one_row_per_size(merchandiser, run_import, confirm):
    rows = [["PO#", "Style No.", "Description", "Color", "Size", "Qty", "Price", "Delivery date"]]
    for size, qty in (("S", "1,200"), ("M", "2,000")):
        rows.append(["PO-9", "ST-9", "Tee", "Red", size, qty, "3.20", "30/06/2030"])
    job = run_import(merchandiser, csv_bytes(rows), "po.csv")
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    confirm(job, merchandiser)
    line = Order.objects.get(po_number="PO-9").lines.get()
    assert line.size_breakdown == {"S": 1200, "M": 2000}
    assert line.quantity == 3200
    assert line.unit_price == Decimal("3.20")


def test_row_errors_name_row_and_column_and_nothing_is_written(merchandiser, run_import):
    rows = wide_rows()
    rows[2][4] = "cheap"  # unit price of PO-1's second line, row 3
    job = run_import(merchandiser, xlsx(rows))
    assert job.status == ImportStatus.REJECTED
    assert job.row_errors == [
        {"row": 3, "column": "Unit price", "message": "“cheap” is not a number."}
    ]
    assert Order.objects.count() == 0


def test_a_price_too_large_to_multiply_out_is_a_row_error_not_a_stuck_check(
    merchandiser, run_import
):
    rows = wide_rows()
    rows[2][4] = 1e30  # a quantity pasted into the price column
    job = run_import(merchandiser, xlsx(rows))
    assert job.status == ImportStatus.REJECTED  # was left "Checking" for ever
    assert job.row_errors == [
        {
            "row": 3,
            "column": "Unit price",
            "message": "Ensure that there are no more than 12 digits in total.",
        }
    ]
    assert [o["po_number"] for o in job.preview["orders"]] == ["PO-1", "PO-2"]
    assert Order.objects.count() == 0


def test_a_customer_date_typed_years_ahead_is_a_row_error_not_a_stuck_check(
    merchandiser, run_import
):
    job = run_import(merchandiser, xlsx(wide_rows(orders=(("PO-1", 1),), delivery="31/12/9999")))

    assert (
        job.status == ImportStatus.REJECTED
    )  # the plan's calendar overflowed: "Checking" for ever
    assert {error["column"] for error in job.row_errors} == {"Customer date", "Ex-factory date"}
    assert all("years ahead" in error["message"] for error in job.row_errors)
    assert not Order.objects.exists()


def test_r13_an_imported_order_due_in_the_past_is_a_row_error(merchandiser, run_import):
    job = run_import(merchandiser, xlsx(wide_rows(delivery=date(2020, 3, 2))))

    assert job.status == ImportStatus.REJECTED
    assert {error["row"] for error in job.row_errors} == {2, 4}  # PO-1 and PO-2
    assert all("in the past" in error["message"] for error in job.row_errors)
    assert not Order.objects.exists()


def test_r29_r33_the_order_flags_are_read_in_any_language(merchandiser, run_import, confirm):
    rows = wide_rows((("PO-1", 1), ("PO-2", 1), ("PO-3", 1)))
    rows[0] = [*rows[0], "直接單", "Commodity inspection"]
    rows[1] += ["Yes", "否"]
    rows[2] += ["", "是"]
    rows[3] += ["no", "Y"]
    job = run_import(merchandiser, xlsx(rows))
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    confirm(job, merchandiser)
    flags = {
        o.po_number: (o.direct_order, o.commodity_inspection)
        for o in Order.objects.order_by("po_number")
    }
    assert flags == {"PO-1": (True, False), "PO-2": (False, True), "PO-3": (False, True)}


def test_r29_a_flag_that_is_neither_yes_nor_no_is_a_row_error(merchandiser, run_import):
    rows = wide_rows((("PO-1", 1),))
    rows[0] = [*rows[0], "商檢"]
    rows[1] += ["maybe"]
    job = run_import(merchandiser, xlsx(rows))
    assert job.status == ImportStatus.REJECTED
    assert job.file_error == ""
    assert job.row_errors == [
        {"row": 2, "column": "商檢", "message": "“maybe” is neither yes nor no."}
    ]
    assert Order.objects.count() == 0
