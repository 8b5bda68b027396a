"""The export tracking sheet (R27), collections (R21), inspections, complaints and returns."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from orders.choices import Stage
from shipping.choices import ExportDocumentKind, PaymentKind
from shipping.models import ExportDocument, FreightBooking, Payment
from tests.exports.conftest import csv_of, table_of
from tests.factories import make_order, make_team, make_user
from tests.shipping.conftest import at_stage, book_final, record


@pytest.fixture
def shipped(merchandiser, qc, finance):
    order = make_order(merchandiser=merchandiser, po_number="SHIP-1", payment_terms="tt",
                       deposit_percent=Decimal("30"))  # fmt: skip
    order = at_stage(order, Stage.INSPECTION)
    record(book_final(order, qc), qc)
    for kind, number in (
        (ExportDocumentKind.FORM_A, "FA-1"),
        (ExportDocumentKind.BILL_OF_LADING, "BL-9"),
    ):
        ExportDocument.objects.create(
            order=order, kind=kind, number=number, issued_on=date(2026, 5, 2),
            recorded_by=merchandiser,
        )  # fmt: skip
    FreightBooking.objects.create(
        order=order, forwarder="Kerry", mode="sea", vessel_or_flight="EVER ACE",
        etd=date(2026, 5, 3), eta=date(2026, 6, 1), container_type="40HQ", booked_by=merchandiser,
    )  # fmt: skip
    Payment.objects.create(
        order=order, kind=PaymentKind.DEPOSIT, amount=Decimal("495.00"), currency="USD",
        received_on=date(2026, 3, 1), recorded_by=finance,
    )  # fmt: skip
    return at_stage(order, Stage.SHIPPING)


def test_r27_tracking_sheet_one_row_per_order(client, merchandiser, shipped):
    client.force_login(merchandiser)
    assert client.get("/shipping/tracking/").status_code == 200
    header, rows = table_of(client.get("/shipping/tracking/", {"q": "SHIP-1", "export": "xlsx"}))
    row = dict(zip(header, rows[0], strict=True))
    assert len(rows) == 1
    assert row["FORM A / C/O no."] == "FA-1"
    assert row["B/L no."] == "BL-9" and row["B/L released on"] == datetime(2026, 5, 2)
    assert row["Final inspection"] == "PASS"
    assert (row["Forwarder"], row["ETD"]) == ("Kerry", datetime(2026, 5, 3))
    assert row["Deposit due"] == 495 and row["Deposit received"] == 495
    assert row["Currency"] == "USD" and row["Order amount"] == 1650
    assert row["Documents archived"] is None  # customs, packing list and invoice are missing
    assert "Customs declaration" in row["Documents missing"]


def test_r27_tracking_sheet_query_count_does_not_grow_with_orders(
    client, merchandiser, shipped, django_assert_max_num_queries
):  # noqa: E501
    client.force_login(merchandiser)
    with django_assert_max_num_queries(20):
        client.get("/shipping/tracking/", {"export": "csv"})
    for n in range(5):
        make_order(merchandiser=merchandiser, po_number=f"MORE-{n}")
    with django_assert_max_num_queries(20):
        rows = csv_of(client.get("/shipping/tracking/", {"export": "csv"}))
    assert len(rows) == 7


def test_r21_collections_with_ageing(client, finance, merchandiser, shipped):
    client.force_login(finance)
    header, rows = table_of(client.get("/shipping/collections/", {"export": "xlsx"}))
    row = dict(zip(header, rows[0], strict=True))
    assert row["P/O no."] == "SHIP-1"
    assert row["Owed"] == 1155 and row["Received"] == 495
    buckets = [row[h] for h in header if h.endswith("days") and h != "Days overdue"]
    assert sum(v or 0 for v in [row["Not yet due"], *buckets]) == 1155


def test_collections_export_is_for_who_sees_every_order(client, merchandiser):
    client.force_login(merchandiser)
    assert client.get("/shipping/collections/", {"export": "csv"}).status_code == 403


def test_inspections_list_and_export(client, qc, merchandiser, shipped):
    make_order(merchandiser=make_user("merchandiser", team=make_team()), po_number="HIDDEN")
    client.force_login(merchandiser)
    page = client.get("/shipping/inspections/", {"verdict": "pass"})
    assert "SHIP-1" in page.content.decode()
    header, rows = table_of(
        client.get("/shipping/inspections/", {"verdict": "pass", "export": "xlsx"})
    )  # noqa: E501
    assert [row[0] for row in rows] == ["SHIP-1"]
    assert rows[0][header.index("Verdict")] == "PASS"
    assert rows[0][header.index("Major")] == 0
    header, rows = table_of(
        client.get("/shipping/inspections/", {"verdict": "none", "export": "xlsx"})
    )  # noqa: E501
    assert rows == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Verdict", "Customs declaration no.", "Customer returns"]),
        ("zh-hant", ["結果", "報關單號", "客戶退貨"]),
        ("zh-hans", ["结果", "报关单号", "客户退货"]),
    ],
)
def test_shipping_and_complaints_exports_in_each_language(
    client, merchandiser, shipped, language, expected
):  # noqa: E501
    merchandiser.profile.language = language
    merchandiser.profile.save()
    client.force_login(merchandiser)
    verdict, customs, returns = expected
    assert verdict in table_of(client.get("/shipping/inspections/", {"export": "xlsx"}))[0]
    assert customs in table_of(client.get("/shipping/tracking/", {"export": "xlsx"}))[0]
    assert (
        csv_of(client.get("/complaints/returns/", {"export": "csv"}))[0][0] != "Return"
        or language == "en"
    )  # noqa: E501
    from tests.exports.conftest import sheet_of

    sheet, _row = sheet_of(client.get("/complaints/returns/", {"export": "xlsx"}))
    assert sheet["A1"].value == returns


def test_complaints_and_returns_exports(client, merchandiser, shipped, department_manager):
    from tests.complaints.builders import file_complaint

    complaint = file_complaint(shipped, merchandiser)
    client.force_login(merchandiser)
    assert client.get("/complaints/list/").status_code == 200
    header, rows = table_of(client.get("/complaints/list/", {"open": "on", "export": "xlsx"}))
    assert [row[0] for row in rows] == [complaint.number]
    assert rows[0][header.index("P/O no.")] == "SHIP-1"
    assert rows[0][header.index("Received")] == datetime.combine(
        complaint.received_on, datetime.min.time()
    )  # noqa: E501
    assert client.get("/complaints/returns/").status_code == 200
    header, rows = table_of(client.get("/complaints/returns/", {"export": "xlsx"}))
    assert header[0] == "Return" and rows == []
    stranger = make_user("merchandiser", team=make_team())
    client.force_login(stranger)
    assert csv_of(client.get("/complaints/list/", {"export": "csv"}))[1:] == []
