import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from orders.roles import Role
from tests.factories import make_customer, make_order, make_team, make_user


def sheet_of(response):
    """The export's sheet, and the row (1-based) holding its header."""
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    header_row = int(sheet.freeze_panes[1:]) - 1
    return sheet, header_row


def table_of(response) -> tuple[list, list[list]]:
    sheet, header_row = sheet_of(response)
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    return list(rows[0]), [list(row) for row in rows[1:]]


def csv_of(response) -> list[list[str]]:
    import csv

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def two_teams(merchandiser):
    """Three orders of the merchandiser's team and one of another team's."""
    acme = make_customer(name="Acme")
    zed = make_customer(name="Zed Brands")
    mine = [
        make_order(merchandiser=merchandiser, customer=acme, po_number="A-1",
                   customer_date=date(2026, 9, 1), ex_factory_date=date(2026, 8, 20)),
        make_order(merchandiser=merchandiser, customer=zed, po_number="Z-1",
                   customer_date=date(2026, 7, 1), ex_factory_date=date(2026, 6, 20)),
        make_order(merchandiser=merchandiser, customer=acme, po_number="A-2", currency="EUR",
                   customer_date=date(2026, 8, 1), ex_factory_date=date(2026, 7, 20),
                   lines=[{"colour": "Red", "size_breakdown": {"M": 1000}, "quantity": 1000,
                           "unit_price": Decimal("12.25")}]),
    ]  # fmt: skip
    other = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    theirs = make_order(merchandiser=other, customer=acme, po_number="W-1")
    return mine, theirs


def days(n: int) -> date:
    return date.today() + timedelta(days=n)
