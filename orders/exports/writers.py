"""Write a table as XLSX or CSV without holding it in memory: openpyxl's write-only workbook
streams rows to a temporary file, which the response then sends in chunks; CSV streams as it
is produced."""

import csv
import tempfile
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import quote

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from orders.exports.tables import Column, Kind, Table

XLSX = "xlsx"
CSV = "csv"
FORMATS = (XLSX, CSV)
NUMBER_FORMATS = {
    Kind.MONEY: "#,##0.00",
    Kind.INTEGER: "#,##0",
    Kind.DECIMAL: "#,##0.0",
    Kind.PERCENT: "0.0%",
    Kind.DATE: "yyyy-mm-dd",
}  # noqa: E501
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def export_response(table: Table, fmt: str):
    title = str(table.title)
    filename = (
        f"{slugify(title, allow_unicode=True) or 'export'}-{timezone.localdate():%Y%m%d}.{fmt}"
    )
    if fmt == CSV:
        response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = _disposition(filename)
        return response
    # Closed by FileResponse once sent: rows never sit in memory, only in this file.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    write_xlsx(table, handle)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _disposition(filename: str) -> str:
    return f"attachment; filename=\"export.csv\"; filename*=UTF-8''{quote(filename)}"


def write_xlsx(table: Table, handle) -> None:
    columns = table.header
    filters = table.filters()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(table.title).translate(SHEET_TITLE_FORBIDDEN)[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.excel_width()
    header_row = 4 + len(filters) + (1 if filters else 0)  # title, date, filters, a gap
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.append([_styled(sheet, str(table.title), Font(bold=True, size=13))])
    sheet.append([_generated_line()])
    if filters:
        sheet.append([_styled(sheet, _("Filters"), Font(bold=True))])
        for label, text in filters:
            sheet.append([label, text])
    sheet.append([])
    header_font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for column in columns:
        cell = _styled(sheet, str(column.label), header_font)
        cell.fill, cell.alignment = HEADER_FILL, wrap
        header.append(cell)
    sheet.append(header)
    formatted = [NUMBER_FORMATS.get(column.kind) for column in columns]
    for row in table.all_rows():
        sheet.append([_cell(sheet, value, fmt) for value, fmt in zip(row, formatted, strict=True)])
    workbook.save(handle)


def _generated_line() -> str:
    return _("Exported %(when)s") % {"when": timezone.localtime().strftime("%Y-%m-%d %H:%M")}


def _styled(sheet, value, font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def _cell(sheet, value, number_format):
    value = excel_value(value)
    if number_format is None or value is None or isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def excel_value(value):
    if isinstance(value, bool):
        return _("Yes") if value else ""
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value  # noqa: E501
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, int | float | date | str):
        return value
    return str(value)


class _Echo:
    def write(self, value):
        return value


def csv_lines(table: Table):
    """UTF-8 with a byte-order mark, so Excel opens Chinese text right."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(column.label) for column in table.header])
    for row in table.all_rows():
        yield writer.writerow([csv_value(value) for value in row])


def csv_value(value):
    if isinstance(value, bool):
        return _("Yes") if value else ""
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            if timezone.is_aware(value)
            else value.isoformat()
        )  # noqa: E501
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


__all__ = ["CSV", "FORMATS", "XLSX", "Column", "export_response"]
