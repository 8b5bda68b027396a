"""The demo's example files (orders/demo/import-examples/) import as the README says."""

import pytest

from orders.choices import ImportStatus
from orders.demo.import_examples import CUSTOMER, FACTORY, FILES, FOLDER
from tests.factories import make_customer, make_factory


@pytest.fixture
def northwind(db):
    make_factory(name=FACTORY)
    return make_customer(name=CUSTOMER)


def _content(name: str) -> bytes:
    return (FOLDER / name).read_bytes()


def test_the_committed_files_are_what_the_generator_writes():
    for name, build in FILES.items():
        if name.endswith(".csv"):
            assert _content(name) == build()
        else:  # a workbook stamps its creation time: compare what it holds
            import io

            from openpyxl import load_workbook

            saved = load_workbook(io.BytesIO(_content(name))).active
            fresh = load_workbook(io.BytesIO(build())).active
            assert list(saved.values) == list(fresh.values)


def test_sizes_as_columns_with_a_title_block_and_merged_header(
    merchandiser, run_import, northwind, confirm
):  # noqa: E501
    job = run_import(merchandiser, _content("northwind-sizes-as-columns.xlsx"), customer=northwind)
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    totals = job.preview["totals"]
    assert (totals["orders"], totals["lines"], totals["quantity"]) == (3, 5, 3700)
    assert confirm(job, merchandiser).status == ImportStatus.IMPORTED


def test_one_row_per_size_in_chinese(merchandiser, run_import, northwind):
    job = run_import(
        merchandiser, _content("harbourside-one-row-per-size.csv"), "hb.csv", customer=northwind
    )  # noqa: E501
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    order = job.preview["orders"][0]
    assert order["po_number"] == "HBR-7781"
    assert [line["sizes"] for line in order["lines"]] == [
        {"S": 1200, "M": 2400, "L": 1800},
        {"S": 600, "M": 1200, "L": 900},
    ]


def test_the_file_with_mistakes_lists_them(merchandiser, run_import, northwind):
    job = run_import(merchandiser, _content("northwind-with-mistakes.xlsx"), customer=northwind)
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"]) for e in job.row_errors] == [
        (7, "FOB Price"),
        (9, "Delivery Date"),
    ]  # noqa: E501
