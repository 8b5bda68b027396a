"""The ship and settle gates: inspection (R7), documents (R27) and money (R21)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from orders.choices import Stage
from orders.demo.contributors import satisfy_gates
from orders.gates import gate_statuses
from orders.services.common import ActionRefused
from orders.services.transitions import order_transition
from shipping.choices import ExportDocumentKind, FailureDecision, PaymentKind
from shipping.services import (
    export_document_record,
    failure_decide,
    guarantee_letter_approve,
    guarantee_letter_create,
    guarantee_letter_record_signature,
    packing_list_generate,
    payment_record,
)
from tests.factories import fresh
from tests.shipping.conftest import at_stage, book_final, issue_invoice, record

pytestmark = pytest.mark.django_db


def ship(order, user):
    return order_transition(order_id=order.pk, user=user, name="ship")


def settle(order, user):
    return order_transition(order_id=order.pk, user=user, name="settle")


def test_ship_refused_without_a_passed_inspection(inspecting, merchandiser, qc):
    with pytest.raises(ActionRefused) as refused:
        ship(inspecting, merchandiser)
    assert any("R7" in detail for detail in refused.value.details)
    record(book_final(inspecting, qc), qc, major=6)  # failed
    with pytest.raises(ActionRefused):
        ship(inspecting, merchandiser)


def test_ship_after_a_passed_final_inspection(inspecting, merchandiser, qc):
    record(book_final(inspecting, qc), qc, major=5)
    assert ship(inspecting, merchandiser).stage == Stage.SHIPPING


def test_r7_ship_under_lg_only_once_signed_and_approved(
    inspecting, merchandiser, qc, department_manager
):
    failed = record(book_final(inspecting, qc), qc, critical=1)
    failure_decide(
        report_id=failed.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer accepts with L/G",
    )
    letter = guarantee_letter_create(
        report_id=failed.pk, user=merchandiser, factory_responsible="Mr Lee"
    )
    with pytest.raises(ActionRefused):  # not signed, not approved
        ship(inspecting, merchandiser)
    guarantee_letter_record_signature(
        letter_id=letter.pk,
        user=merchandiser,
        signed_scan=SimpleUploadedFile("lg.pdf", b"%PDF-1.4 signed"),
    )
    with pytest.raises(ActionRefused):  # signed but no approval
        ship(inspecting, merchandiser)
    guarantee_letter_approve(letter_id=letter.pk, user=department_manager)
    assert ship(inspecting, merchandiser).stage == Stage.SHIPPING


@pytest.fixture
def shipping_order(order):
    return at_stage(order, Stage.SHIPPING)


def complete_documents(order, user):
    packing_list_generate(
        order_id=order.pk,
        user=user,
        pieces_per_carton=20,
        net_weight_per_piece_kg=Decimal("0.3"),
        carton_weight_kg=Decimal("1"),
        carton_length_cm=Decimal("50"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("30"),
    )
    issue_invoice(order, f"CI-{order.pk}")
    for kind, number in [
        (ExportDocumentKind.FORM_A, "FA-1"),
        (ExportDocumentKind.CUSTOMS_DECLARATION, "CD-1"),
        (ExportDocumentKind.BILL_OF_LADING, "BL-1"),
    ]:
        export_document_record(
            order_id=order.pk, user=user, kind=kind, number=number, issued_on=date.today()
        )


def unmet(order, transition):
    return [s.gate.code for s in gate_statuses(fresh(order), transition) if not s.met]


def test_r27_settle_refused_with_documents_missing(shipping_order, merchandiser, finance):
    payment_record(
        order_id=shipping_order.pk,
        user=finance,
        kind=PaymentKind.BALANCE,
        amount=Decimal("5500.00"),
        received_on=date.today(),
    )
    assert unmet(shipping_order, "settle") == ["export_documents"]
    with pytest.raises(ActionRefused):
        settle(shipping_order, finance)
    export_document_record(
        order_id=shipping_order.pk,
        user=merchandiser,
        kind=ExportDocumentKind.BILL_OF_LADING,
        number="BL-9",
        issued_on=date.today(),
    )
    with pytest.raises(ActionRefused):
        settle(shipping_order, finance)


def test_r21_settle_refused_while_money_is_owed(shipping_order, merchandiser, finance):
    complete_documents(shipping_order, merchandiser)
    payment_record(
        order_id=shipping_order.pk,
        user=finance,
        kind=PaymentKind.BALANCE,
        amount=Decimal("5000.00"),
        received_on=date.today(),
    )
    assert unmet(shipping_order, "settle") == ["nothing_owed"]
    with pytest.raises(ActionRefused):
        settle(shipping_order, finance)
    payment_record(
        order_id=shipping_order.pk,
        user=finance,
        kind=PaymentKind.BALANCE,
        amount=Decimal("500.00"),
        received_on=date.today(),
    )
    assert settle(shipping_order, finance).stage == Stage.SETTLED


def test_satisfy_gates_walks_an_order_to_settled(
    inspecting, merchandiser, finance, department_manager
):
    satisfy_gates(fresh(inspecting), "ship")
    ship(inspecting, merchandiser)
    satisfy_gates(fresh(inspecting), "settle")
    assert settle(inspecting, finance).stage == Stage.SETTLED
