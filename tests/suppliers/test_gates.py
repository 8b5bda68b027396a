"""The materials gates of start_production, the shortage flag, and satisfy()."""

from datetime import date, timedelta

import pytest

from orders.demo.contributors import satisfy_gates
from orders.gates import gate_statuses
from suppliers import services
from suppliers.choices import ProcurementStatus
from tests.suppliers.builders import make_booking, make_trim

pytestmark = pytest.mark.django_db

MATERIAL_GATES = {
    "fabric_booking_signed",
    "colour_standards_approved",
    "bulk_fabric_approved",
    "trim_card_approved",
}


def statuses(order) -> dict[str, bool]:
    return {s.gate.code: s.met for s in gate_statuses(order, "start_production")}


def test_order_without_materials_is_held_by_every_materials_gate(order):
    result = statuses(order)
    assert set(result) >= MATERIAL_GATES
    assert not any(result[code] for code in MATERIAL_GATES)
    assert "lab_tests_passed" not in result  # applies only when the customer wants tests


def test_r2_booking_gate_unmet_until_signed(order, department_manager):
    booking = make_booking(order)
    assert statuses(order)["fabric_booking_signed"] is False
    services.fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    assert statuses(order)["fabric_booking_signed"] is True


def test_colour_gate_needs_every_colourway(order, merchandiser):
    order.lines.create(colour="Red", quantity=10, unit_price=1, size_breakdown={"M": 10})
    sub = services.lab_dip_submit(
        order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
    )
    services.lab_dip_decide(submission_id=sub.pk, user=merchandiser, decision="approved")
    assert statuses(order)["colour_standards_approved"] is False


def test_satisfy_meets_every_materials_gate(order):
    make_booking(order, tests_required=True)
    satisfy_gates(order, "start_production")
    result = statuses(order)
    assert all(result[code] for code in MATERIAL_GATES | {"lab_tests_passed"})


def test_shortage_when_expected_after_the_need_date(order, merchandiser, settings):
    settings.GENDAN_MATERIAL_LEAD_DAYS = 10
    trim = make_trim(order)
    need = order.ex_factory_date - timedelta(days=10)
    trim = services.procurement_update(
        material="trim",
        material_id=trim.pk,
        user=merchandiser,
        status=ProcurementStatus.ORDERED,
        on=date.today(),
        expected_on=need + timedelta(days=1),
    )
    assert trim.need_date == need and trim.is_short
    assert any("SHORTAGE" in event.text for event in order.events.filter(action="procurement"))
    trim = services.procurement_update(
        material="trim",
        material_id=trim.pk,
        user=merchandiser,
        status=ProcurementStatus.CONFIRMED,
        on=date.today(),
        expected_on=need,
    )
    assert not trim.is_short


def test_explicit_needed_by_date_wins(order, merchandiser):
    booking = make_booking(order, needed_by=date.today() + timedelta(days=5))
    booking.expected_on = date.today() + timedelta(days=6)
    assert booking.is_short


def test_procurement_never_steps_back(order, merchandiser):
    trim = make_trim(order)
    services.procurement_update(
        material="trim", material_id=trim.pk, user=merchandiser, status="in_house", on=date.today()
    )
    with pytest.raises(Exception, match="already"):
        services.procurement_update(
            material="trim",
            material_id=trim.pk,
            user=merchandiser,
            status="ordered",
            on=date.today(),
        )
