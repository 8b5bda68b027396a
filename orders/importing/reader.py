"""Read a customer's P/O sheet (XLSX or CSV) into rows keyed by column.

What no import library does for us: find the header row below a title block, read merged
header cells and two-row headers (a "Size breakdown" cell above S, M, L...), tell the two
layouts apart (sizes as columns, or one row per size), refuse what is not a readable sheet,
and notice formula cells whose value Excel never computed."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from orders.importing.columns import BY_KEY, column_for, fold, is_size_group, size_name

HEADER_SEARCH_ROWS = 30
MIN_HEADER_MATCHES = 3
TOTAL_WORDS = {
    fold(word)
    for word in (
        "Total",
        "Grand total",
        "Sub-total",
        "合計",
        "合计",
        "總計",
        "总计",
        "小計",
        "小计",
    )
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Last, Windows' Western code page: Excel's "CSV (Comma delimited)" on a European or American
# customer's PC writes é or ñ in it, which no other reading accepts ("not a spreadsheet").
CSV_ENCODINGS = ("utf-8-sig", "gb18030", "big5", "cp1252")


class FileRefused(Exception):
    """The file as a whole cannot be imported; the message says why."""


class Layout:
    SIZE_COLUMNS = "size_columns"  # one row per line, the sizes as columns
    SIZE_ROWS = "size_rows"  # one row per line and size


@dataclass
class SheetRow:
    number: int  # as the spreadsheet numbers it (1 = the first row)
    values: dict  # column key -> raw cell value
    sizes: dict  # size -> raw cell value (sizes-as-columns layout)
    formulas_without_value: set = field(default_factory=set)  # column keys, or sizes


@dataclass
class Sheet:
    layout: str
    headers: dict  # column key or size -> the header as the file spells it
    rows: list
    ignored: list  # headers that are not ours (remarks, ...)


def max_upload_bytes() -> int:
    return settings.GENDAN_IMPORT_MAX_MB * 1024 * 1024


def read_sheet(data: bytes, filename: str = "") -> Sheet:
    if len(data) > max_upload_bytes():
        raise FileRefused(too_large_message())
    if not data.strip():
        raise FileRefused(_("The file is empty."))
    grid, merged, formula_cells = _grid(data, filename)
    _fill_merged(grid, merged)
    return _sheet_from_grid(grid, formula_cells)


def too_large_message() -> str:
    return _("The file is larger than %(size)s MB; split it into smaller files.") % {
        "size": settings.GENDAN_IMPORT_MAX_MB
    }


# ---- the raw grid -----------------------------------------------------------------------------


def _grid(data: bytes, filename: str):
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in data:
            raise FileRefused(
                _("The file is protected by a password. Save it without a password and try again.")
            )
        raise FileRefused(
            _("This is an old Excel file (.xls). Save it as .xlsx (Excel workbook) and try again.")
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_grid(data)
    if b"\x00" in data[:8192] or filename.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise FileRefused(_not_a_spreadsheet())
    return _csv_grid(data), [], set()


def _not_a_spreadsheet() -> str:
    return _("This file is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file.")


def _xlsx_grid(data: bytes):
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        index = _first_sheet_with_data(workbook)
        sheet = workbook.get_sheet_by_index(index)
        grid = [list(row) for row in sheet.to_python(skip_empty_area=False)]
        merged = list(sheet.merged_cell_ranges or [])
    except (CalamineError, ValueError, OSError, zipfile.BadZipFile) as error:
        raise FileRefused(
            _("The workbook cannot be read: it is damaged or not an Excel file.")
        ) from error
    return grid, merged, _formula_cells(data, index)


def _first_sheet_with_data(workbook) -> int:
    for index, meta in enumerate(workbook.sheets_metadata):
        if str(meta.visible).endswith("Visible") and workbook.get_sheet_by_index(index).height:
            return index
    return 0


def _formula_cells(data: bytes, sheet_index: int) -> set[tuple[int, int]]:
    """(row, column) of the formula cells, 0-based; only read when the sheet has formulas."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        if not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets):
            return set()
    # Local: openpyxl is loaded only when a workbook is read.
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    worksheet = workbook.worksheets[sheet_index]
    cells = set()
    for r, row in enumerate(worksheet.iter_rows(values_only=True)):
        for c, value in enumerate(row):
            if (
                isinstance(value, str)
                and value.startswith("=")
                or type(value).__name__
                in {
                    "ArrayFormula",
                    "DataTableFormula",
                }
            ):
                cells.add((r, c))
    workbook.close()
    return cells


def _csv_grid(data: bytes) -> list[list]:
    candidates = []
    for encoding in CSV_ENCODINGS:
        try:
            candidates.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise FileRefused(_not_a_spreadsheet())
    grids = [_csv_rows(text) for text in candidates]
    # A Big5 file also decodes as GB18030 (into nonsense): keep the reading whose header we know.
    return max(grids, key=lambda grid: _best_header(grid)[1])


def _csv_rows(text: str) -> list[list]:
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise FileRefused(_not_a_spreadsheet()) from error


def _fill_merged(grid: list[list], merged) -> None:
    """A merged cell's value belongs to every cell it covers (a P/O no. merged over its lines)."""
    for (top, left), (bottom, right) in merged:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for r in range(top, min(bottom, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(left, right + 1):
                if c < len(row):
                    row[c] = value


# ---- header and rows ---------------------------------------------------------------------------


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _best_header(grid) -> tuple[int | None, int]:
    best, best_score = None, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        keys = {column_for(cell) for cell in row if not _is_empty(cell)} - {None}
        if "po_number" in keys and len(keys) > best_score:
            best, best_score = index, len(keys)
    return best, best_score


def _sheet_from_grid(grid: list[list], formula_cells: set) -> Sheet:
    if not any(not _is_empty(cell) for row in grid for cell in row):
        raise FileRefused(_("The sheet is empty."))
    header_index, score = _best_header(grid)
    if header_index is None or score < MIN_HEADER_MATCHES:
        raise FileRefused(
            _(
                "No header row was recognised. The first rows must name the columns, e.g. "
                "%(columns)s: download the template to see them."
            )
            % {"columns": ", ".join(str(BY_KEY[k].label) for k in _required_keys())}
        )
    header = grid[header_index]
    below = grid[header_index + 1] if header_index + 1 < len(grid) else []
    columns, headers, ignored, two_rows = _map_columns(header, below)
    layout = Layout.SIZE_ROWS if "size" in headers else Layout.SIZE_COLUMNS
    _check_required(headers, layout)
    first_data = header_index + (2 if two_rows else 1)
    rows = []
    for index in range(first_data, len(grid)):
        row = _sheet_row(index, grid[index], columns, formula_cells)
        if row is not None:
            rows.append(row)
    if not rows:
        raise FileRefused(_("The sheet has a header but no order lines below it."))
    return Sheet(layout=layout, headers=headers, rows=rows, ignored=ignored)


def _map_columns(header: list, below: list):
    """Each column index -> ("column", key) or ("size", name); and the headers as spelt."""
    columns: dict[int, tuple[str, str]] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    two_rows = False
    # The row below continues the header (sizes under "Size breakdown") unless it is a line of
    # the P/O itself; a header cell merged over both rows repeats there.
    po_index = next(i for i, cell in enumerate(header) if column_for(cell) == "po_number")
    under_po = below[po_index] if po_index < len(below) else None
    if not _is_empty(under_po) and under_po != header[po_index]:
        below = []
    for index, cell in enumerate(header):
        under = below[index] if index < len(below) else None
        key = None if _is_empty(cell) else column_for(cell)
        size_below = size_name(under) if not _is_empty(under) else None
        if size_below and (_is_empty(cell) or is_size_group(cell)):
            target, two_rows = ("size", size_below), True
        elif key is not None:
            target = ("column", key)
        elif not _is_empty(cell) and size_name(cell):
            target = ("size", size_name(cell))
        else:
            if not _is_empty(cell):
                ignored.append(str(cell).strip())
            continue
        name = target[1]
        if name in headers:
            raise FileRefused(
                _("Two columns are both “%(name)s”: keep one.") % {"name": headers[name]}
            )
        columns[index] = target
        headers[name] = str(under if target[0] == "size" and two_rows and size_below else cell)
        headers[name] = headers[name].strip()
    return columns, headers, ignored, two_rows


def _required_keys(layout: str = Layout.SIZE_COLUMNS) -> list[str]:
    keys = [key for key, column in BY_KEY.items() if column.required]
    if layout == Layout.SIZE_ROWS:
        keys.append("quantity")
    return keys


def _check_required(headers: dict, layout: str) -> None:
    missing = [BY_KEY[k].label for k in _required_keys(layout) if k not in headers]
    has_sizes = any(name not in BY_KEY for name in headers)
    if layout == Layout.SIZE_COLUMNS and not has_sizes and "quantity" not in headers:
        missing.append(BY_KEY["quantity"].label)
    if layout == Layout.SIZE_ROWS and has_sizes:
        raise FileRefused(
            _("The sheet has both a Size column and sizes as columns: use one layout or the other.")
        )
    if missing:
        raise FileRefused(
            _("These columns are missing: %(columns)s.")
            % {"columns": ", ".join(str(label) for label in missing)}
        )


def _sheet_row(index: int, cells: list, columns: dict, formula_cells: set) -> SheetRow | None:
    values, sizes, formulas = {}, {}, set()
    for column_index, (kind, name) in columns.items():
        value = cells[column_index] if column_index < len(cells) else None
        if (index, column_index) in formula_cells and _is_empty(value):
            formulas.add(name)
        if _is_empty(value):
            continue
        (sizes if kind == "size" else values)[name] = (
            value.strip() if isinstance(value, str) else value
        )
    if not values and not sizes and not formulas:
        return None  # an empty row (e.g. the trailing rows Excel keeps)
    if "po_number" not in values and any(
        fold(c) in TOTAL_WORDS for c in cells if isinstance(c, str)
    ):
        return None  # the customer's own total row
    return SheetRow(number=index + 1, values=values, sizes=sizes, formulas_without_value=formulas)
