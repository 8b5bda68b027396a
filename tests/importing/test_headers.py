"""Headers are matched by name in English and Chinese, whatever the case, spaces or width."""

from datetime import date
from decimal import Decimal

import pytest

from orders.choices import ImportStatus
from orders.importing.columns import column_for, size_name
from orders.models import DateOrder, Order
from tests.importing.sheets import csv_bytes, xlsx

CASES = {
    "po_number": ["P/O No.", "PO#", "po no", "ＰＯ　Ｎｏ．", "訂單號", "订单号", "Customer P/O"],
    "style_no": ["Style", "STYLE NO.", "款號", "款号"],
    "description": ["Description", "品名", "貨品描述"],
    "colour": ["Colour", "Color", "顏色", "颜色"],
    "size": ["Size", "尺碼", "尺码"],
    "quantity": ["Qty", "Quantity", "數量", "数量"],
    "unit_price": ["Unit Price", "price", "單價", "单价"],
    "customer_date": ["Customer date", "Delivery Date", "客期", "交貨期", "交货期"],
    "ex_factory_date": ["Ex-factory", "X-FTY", "出廠日期", "出厂日期"],
    "order_date": ["PO date", "訂單日期", "订单日期"],
    "factory": ["Factory", "工廠", "工厂"],
    "currency": ["Currency", "幣別", "币别"],
    "payment_terms": ["Payment terms", "付款方式", "付款條件"],
    "incoterm": ["Incoterm", "價格條款"],
    "deposit_percent": ["Deposit %", "訂金", "定金"],
    "season": ["Season", "季節", "季节"],
}


@pytest.mark.parametrize(
    ("header", "key"), [(header, key) for key, headers in CASES.items() for header in headers]
)
def test_every_header_variant_is_recognised(header, key):
    assert column_for(header) == key


@pytest.mark.parametrize(
    ("header", "size"),
    [("S", "S"), ("xl", "XL"), ("2XL", "2XL"), (38.0, "38"), ("32/34", "32/34"), ("均碼", "均碼")],
)
def test_size_columns(header, size):
    assert size_name(header) == size


def test_chinese_headers_with_title_rows_and_merged_two_row_header(merchandiser, run_import):
    title = [["藍海服裝 訂單"], ["日期: 2026-03-01"], []]
    header = ["訂單號", "款號", "品名", "顏色", "單價", "交貨期", "尺碼分配", None, None]
    sizes = [None, None, None, None, None, None, "S", "M", "L"]
    rows = [
        header,
        sizes,
        ["PO-88", "K-1", "毛衣", "紅", "1,234.50", "30/06/2030", "1,000", 0, 20],
        [None, "K-1", "毛衣", "藍", "1,234.50", "30/06/2030", 5, 5, 5],
    ]

    def merged(sheet):
        # The size group's title spans its columns; the P/O no. spans its two lines.
        sheet.merge_cells("G4:I4")
        sheet.merge_cells("A6:A7")

    job = run_import(merchandiser, xlsx(rows, title_rows=title, prepare=merged))
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    order = job.preview["orders"][0]
    assert order["po_number"] == "PO-88"
    assert order["rows"] == [6, 7]
    assert [line["sizes"] for line in order["lines"]] == [
        {"S": 1000, "L": 20},
        {"S": 5, "M": 5, "L": 5},
    ]
    assert order["lines"][0]["unit_price"] == "1234.5"


@pytest.mark.parametrize(
    ("text", "date_order", "expected"),
    [
        ("01/03/2026", DateOrder.DAY_FIRST, date(2026, 3, 1)),
        ("03/01/2026", DateOrder.MONTH_FIRST, date(2026, 3, 1)),
        ("2026-03-01", DateOrder.MONTH_FIRST, date(2026, 3, 1)),
        ("1-Mar-2026", DateOrder.DAY_FIRST, date(2026, 3, 1)),
        ("2026年3月1日", DateOrder.DAY_FIRST, date(2026, 3, 1)),
        (46082, DateOrder.DAY_FIRST, date(2026, 3, 1)),  # an Excel serial without its format
    ],
)
def test_dates_in_the_customers_order(
    merchandiser, run_import, confirm, text, date_order, expected
):
    rows = [["PO", "Style", "Desc", "Colour", "Qty", "Price", "Order date", "Customer date"]]
    rows.append(["PO-5", "S", "Tee", "Red", 10, 1, text, date(2030, 6, 30)])
    job = run_import(merchandiser, xlsx(rows), date_order=date_order)
    assert job.status == ImportStatus.READY, job.row_errors
    confirm(job, merchandiser)
    assert Order.objects.get(po_number="PO-5").order_date == expected


def test_a_date_that_is_not_one(merchandiser, run_import):
    rows = [["PO", "Style", "Desc", "Colour", "Qty", "Price", "Customer date"]]
    rows.append(["PO-5", "S", "Tee", "Red", 10, 1, "31/31/2026"])
    job = run_import(merchandiser, csv_bytes(rows), "po.csv")
    assert job.row_errors == [
        {"row": 2, "column": "Customer date", "message": "“31/31/2026” is not a date."}
    ]


def test_terms_currency_and_factory_by_name(merchandiser, run_import, confirm, factory):
    rows = [
        [
            "PO",
            "Style",
            "Desc",
            "Colour",
            "Qty",
            "Price",
            "Customer date",
            "Factory",
            "幣別",
            "付款方式",
            "訂金",
        ]
    ]
    rows.append(
        [
            "PO-6",
            "S",
            "Tee",
            "Red",
            "2,500",
            "US$ 4.10",
            "2030-06-30",
            "dongguan knit factory",
            "美元",
            "電匯",
            "30%",
        ]
    )
    job = run_import(merchandiser, xlsx(rows), default_factory=None)
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    confirm(job, merchandiser)
    order = Order.objects.get(po_number="PO-6")
    assert (order.factory, order.currency, order.payment_terms) == (factory, "USD", "tt")
    assert order.deposit_percent == Decimal("30")
    assert order.lines.get().quantity == 2500


def test_big5_csv_from_a_hong_kong_office(merchandiser, run_import):
    rows = [
        ["訂單號", "款號", "品名", "顏色", "數量", "單價", "客期"],
        ["PO-3", "S", "恤衫", "紅色", 5, 1, "2030-06-30"],
    ]
    job = run_import(merchandiser, csv_bytes(rows, encoding="big5"), "po.csv")
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert job.preview["orders"][0]["lines"][0]["colour"] == "紅色"


def test_windows_western_csv_from_a_customer_in_europe(merchandiser, run_import):
    rows = [
        ["P/O No.", "Style", "Description", "Colour", "Qty", "Unit price", "Delivery date"],
        ["PO-4", "S", "Café, crème", "Rosé", 5, 1, "2030-06-30"],
    ]
    job = run_import(merchandiser, csv_bytes(rows, encoding="cp1252"), "po.csv")
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert job.preview["orders"][0]["description"] == "Café, crème"
    assert job.preview["orders"][0]["lines"][0]["colour"] == "Rosé"
