"""Build P/O files in memory, as customers send them."""

import csv
import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

WIDE_HEADER = [
    "P/O No.",
    "Style",
    "Description",
    "Colour",
    "Unit price",
    "Customer date",
    "S",
    "M",
    "L",
]


def xlsx(rows, *, merge=(), title_rows=(), prepare=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(row)
    for row in rows:
        sheet.append(row)
    for cells in merge:
        sheet.merge_cells(cells)
    if prepare:
        prepare(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8", delimiter=",") -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return text.getvalue().encode(encoding)


def wide_rows(orders=(("PO-1", 2), ("PO-2", 1)), *, delivery=date(2030, 6, 30)):
    rows = [WIDE_HEADER]
    colours = ["Navy", "Black", "White"]
    for po, lines in orders:
        for n in range(lines):
            rows.append([po, "ST-1", "Cotton shirt", colours[n], 5.5, delivery, 100, 200, 150])
    return rows


def upload(content: bytes, name="po.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
