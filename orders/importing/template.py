"""The downloadable template: the columns in the user's language, one example P/O."""

import io
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from orders.importing.columns import BY_KEY

TEMPLATE_KEYS = (
    "po_number",
    "style_no",
    "description",
    "season",
    "colour",
    "unit_price",
    "currency",
    "order_date",
    "customer_date",
    "ex_factory_date",
    "factory",
    "payment_terms",
    "incoterm",
    "direct_order",
    "commodity_inspection",
)
FLAG_KEYS = ("direct_order", "commodity_inspection")
TEMPLATE_SIZES = ("S", "M", "L", "XL")


def template_workbook() -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("P/O")[:31].replace("/", "-")
    headers = [str(BY_KEY[key].label) for key in TEMPLATE_KEYS] + list(TEMPLATE_SIZES)
    sheet.append(headers)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    required = {str(BY_KEY[k].label) for k, c in BY_KEY.items() if c.required}
    for cell in sheet[1]:
        if cell.value in required:
            cell.comment = Comment(_("Required"), "Gendan")
    flags = {str(BY_KEY[key].label) for key in FLAG_KEYS}
    for cell in sheet[1]:
        if cell.value in flags:
            cell.comment = Comment(_("Yes or No (blank means No)"), "Gendan")
    today = timezone.localdate()
    for colour, sizes in ((_("Navy"), (100, 200, 150, 50)), (_("Black"), (80, 160, 120, 40))):
        sheet.append(
            [
                "PO-0001",
                "ST-100",
                _("Men's cotton shirt"),
                "SS27",
                colour,
                5.5,
                "USD",
                today,
                today + timedelta(days=90),
                today + timedelta(days=80),
                "",
                "T/T",
                "FOB",
                _("No"),
                _("Yes"),
                *sizes,
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "year"):
                cell.number_format = "yyyy-mm-dd"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 4, 8), 40)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer
