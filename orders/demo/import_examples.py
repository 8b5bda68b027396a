"""The example P/O files of the demo (orders/demo/import-examples/), written by
`manage.py shell -c "from orders.demo.import_examples import write_all; write_all()"`:
a Northwind sheet with sizes as columns (a title block,
a merged two-row header, Excel dates, a total row), a Hong Kong style CSV with one row per
size and Chinese headers, and the same sheet with mistakes, to see the preview's row errors.
tests/importing/test_demo_files.py imports each of them."""

import csv
import io
from datetime import date
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "import-examples"
CUSTOMER = "Northwind Apparel Inc."
FACTORY = "宁波永兴针织有限公司"
SIZES = ("XS", "S", "M", "L", "XL")


def _northwind_rows(mistakes: bool) -> list[list]:
    rows = [
        [
            "NW-26-4101",
            "NW-K120",
            "Ladies' crew-neck pullover, 100% merino",
            "Heather Grey",
            14.80,
            date(2028, 8, 28),
            (60, 180, 240, 180, 60),
        ],  # noqa: E501
        [
            "NW-26-4101",
            "NW-K120",
            "Ladies' crew-neck pullover, 100% merino",
            "Navy",
            14.80,
            date(2028, 8, 28),
            (40, 120, 160, 120, 40),
        ],  # noqa: E501
        [
            "NW-26-4102",
            "NW-K131",
            "Men's cable-knit cardigan",
            "Oatmeal",
            21.50,
            date(2028, 9, 15),
            (0, 150, 300, 300, 150),
        ],  # noqa: E501
        [
            "NW-26-4102",
            "NW-K131",
            "Men's cable-knit cardigan",
            "Charcoal",
            21.50,
            date(2028, 9, 15),
            (0, 100, 200, 200, 100),
        ],  # noqa: E501
        [
            "NW-26-4103",
            "NW-K140",
            "Kids' striped pullover",
            "Red/Navy stripe",
            8.90,
            date(2028, 9, 30),
            (200, 300, 300, 200, 0),
        ],  # noqa: E501
    ]
    if mistakes:
        rows[1][4] = "USD 14,80"  # a price written with a decimal comma
        rows[3][5] = date(2028, 10, 15)  # not the customer date of the P/O's first row
    return rows


def northwind_xlsx(mistakes: bool = False) -> bytes:
    # Local: openpyxl is loaded only when an example workbook is written.
    from openpyxl import Workbook, styles

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PO"
    sheet.append(["NORTHWIND APPAREL INC. — PURCHASE ORDERS, FALL 2028"])
    sheet["A1"].font = styles.Font(bold=True, size=14)
    sheet.append(
        ["Vendor: Gendan Trading Co., Ltd.", None, None, None, None, "Issued", date(2026, 11, 2)]
    )  # noqa: E501
    sheet.append([])
    sheet.append(
        ["PO#", "Style #", "Description", "Color", "FOB Price", "Delivery Date", "Size Breakdown"]
    )  # noqa: E501
    sheet.append([None] * 6 + list(SIZES))
    sheet.merge_cells("G4:K4")
    for column in "ABCDEF":
        sheet.merge_cells(f"{column}4:{column}5")
    for po, style, description, colour, price, delivery, sizes in _northwind_rows(mistakes):
        sheet.append([po, style, description, colour, price, delivery, *sizes])
        sheet.cell(row=sheet.max_row, column=6).number_format = "dd-mmm-yyyy"
    sheet.append([None, None, "TOTAL", None, None, None, 300, 850, 1200, 1000, 350])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def harbourside_csv() -> bytes:
    """Hong Kong office wording, one row per colour and size, text dates day first."""
    rows = [["訂單號", "款號", "品名", "顏色", "尺碼", "數量", "單價", "交貨期", "付款方式"]]
    for colour, sizes in (
        ("白色", {"S": "1,200", "M": "2,400", "L": "1,800"}),
        ("黑色", {"S": "600", "M": "1,200", "L": "900"}),
    ):  # noqa: E501
        for size, quantity in sizes.items():
            rows.append(
                [
                    "HBR-7781",
                    "HB-T220",
                    "男裝純棉短袖T恤",
                    colour,
                    size,
                    quantity,
                    "3.45",
                    "15/09/2028",
                    "L/C",
                ]
            )  # noqa: E501
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8-sig")


FILES = {
    "northwind-sizes-as-columns.xlsx": lambda: northwind_xlsx(),
    "northwind-with-mistakes.xlsx": lambda: northwind_xlsx(mistakes=True),
    "harbourside-one-row-per-size.csv": harbourside_csv,
}


def write_all() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name, build in FILES.items():
        (FOLDER / name).write_bytes(build())
