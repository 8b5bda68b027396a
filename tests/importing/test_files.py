"""Every kind of bad file gets a clear error, and nothing is written."""

import io
from datetime import date

import pytest
from django.test import override_settings
from msoffcrypto.format.ooxml import OOXMLFile

from orders.choices import ImportStatus
from orders.models import Order
from tests.importing.sheets import WIDE_HEADER, csv_bytes, wide_rows, xlsx


def _refused(job, text: str) -> None:
    assert job.status == ImportStatus.REJECTED
    assert text in job.file_error, job.file_error
    assert Order.objects.count() == 0


def test_not_a_spreadsheet(merchandiser, run_import):
    _refused(run_import(merchandiser, b"%PDF-1.7\x00\x01binary", "po.pdf"), "not a spreadsheet")


def test_password_protected_workbook(merchandiser, run_import):
    plain = io.BytesIO(xlsx(wide_rows()))
    locked = io.BytesIO()
    office = OOXMLFile(plain)
    office.encrypt("secret", locked)
    _refused(run_import(merchandiser, locked.getvalue()), "protected by a password")


def test_corrupt_workbook(merchandiser, run_import):
    broken = xlsx(wide_rows())[:1500]  # a zip cut short
    _refused(run_import(merchandiser, broken), "cannot be read")


def test_empty_sheet(merchandiser, run_import):
    _refused(run_import(merchandiser, xlsx([])), "The sheet is empty.")


def test_empty_file(merchandiser, run_import):
    _refused(run_import(merchandiser, b"", "po.csv"), "The file is empty.")


def test_no_recognisable_header(merchandiser, run_import):
    rows = [["Item", "Remarks", "Notes"], ["a", "b", "c"]]
    _refused(run_import(merchandiser, xlsx(rows)), "No header row was recognised")


def test_header_without_lines(merchandiser, run_import):
    _refused(run_import(merchandiser, xlsx([WIDE_HEADER, [None] * 9])), "no order lines")


@override_settings(GENDAN_IMPORT_MAX_MB=1)
def test_too_large_file_is_refused_before_it_is_read(merchandiser, client, customer, factory):
    from orders.models import OrderImport
    from tests.importing.sheets import upload

    client.force_login(merchandiser)
    big = upload(b"x" * (1024 * 1024 + 1), "po.csv")
    response = client.post(
        "/orders/import/",
        {
            "file": big,
            "customer": customer.pk,
            "default_factory": factory.pk,
            "currency": "USD",
            "date_order": "dmy",
            "merchandiser": merchandiser.pk,
        },
    )
    assert response.status_code == 200
    assert "larger than 1 MB" in response.content.decode()
    assert OrderImport.objects.count() == 0


def test_formula_without_cached_value_refuses_its_row(merchandiser, run_import):
    rows = wide_rows()

    def formulas(sheet):
        sheet["G2"] = "=40+60"  # openpyxl stores the formula without a computed value

    job = run_import(merchandiser, xlsx(rows, prepare=formulas))
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"]) for e in job.row_errors] == [(2, "S")]
    assert "formula" in job.row_errors[0]["message"]
    assert Order.objects.count() == 0


def test_duplicate_rows(merchandiser, run_import):
    rows = wide_rows()
    rows.append(list(rows[1]))
    job = run_import(merchandiser, xlsx(rows))
    assert job.status == ImportStatus.REJECTED
    assert job.row_errors == [{"row": 5, "column": "", "message": "This row repeats row 2."}]


def test_same_size_twice_in_the_one_row_per_size_layout(merchandiser, run_import):
    rows = [["PO#", "Style", "Description", "Colour", "Size", "Qty", "Price", "Customer date"]]
    rows += [["PO-7", "S1", "Tee", "Red", "M", 10, 2, "2030-06-30"]]
    rows += [["PO-7", "S1", "Tee", "Red", "M", 12, 2, "2030-06-30"]]
    job = run_import(merchandiser, csv_bytes(rows), "po.csv")
    assert job.row_errors == [
        {"row": 3, "column": "Size", "message": "Size M of Red is already on row 2."}
    ]


def test_existing_po_for_the_customer_is_a_row_error(merchandiser, run_import, customer):
    from tests.factories import make_order

    make_order(merchandiser=merchandiser, customer=customer, po_number="PO-2")
    job = run_import(merchandiser, xlsx(wide_rows()))
    assert job.status == ImportStatus.REJECTED
    assert job.row_errors == [
        {
            "row": 4,
            "column": "P/O No.",
            "message": "Bluewater Apparel already has an order with P/O no. PO-2.",
        }
    ]
    assert Order.objects.count() == 1


def test_lines_of_one_po_must_agree_on_the_order_header(merchandiser, run_import):
    rows = wide_rows()
    rows[2][5] = date(2030, 7, 31)
    job = run_import(merchandiser, xlsx(rows))
    assert [(e["row"], e["column"]) for e in job.row_errors] == [(3, "Customer date")]
    assert "differs" in job.row_errors[0]["message"]


@pytest.mark.parametrize("layout", ["csv", "xlsx"])
def test_trailing_empty_rows_and_the_customers_total_row_are_skipped(
    merchandiser, run_import, layout
):
    rows = wide_rows() + [[None] * 9, ["", "", "Total", "", "", "", 300, 600, 450], [None] * 9]
    content = csv_bytes(rows) if layout == "csv" else xlsx(rows)
    job = run_import(merchandiser, content, f"po.{layout}")
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert job.preview["rows"] == 3
