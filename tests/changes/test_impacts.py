"""R8: every app reports what a change touches, each line naming who must act: materials (the
group head signs a changed fabric booking again, R2), samples (a style change needs a new PP
round, R4), inspection and shipping (the booked lot and its AQL sample, R12)."""

from datetime import timedelta
from decimal import Decimal

import pytest

from orders.changes.choices import ImpactArea
from orders.changes.registry import ChangeContext, impacts
from orders.choices import Stage
from samples import rules as sample_rules
from shipping.choices import InspectionKind, InspectorParty
from shipping.services import inspection_book
from suppliers.services.fabric import fabric_booking_sign
from tests.changes.conftest import at_stage, raise_change, walk_to_applied
from tests.factories import fresh
from tests.suppliers.builders import make_booking, make_trim

pytestmark = pytest.mark.django_db

MORE_NAVY = {"Navy": {"sizes": {"S": 200, "M": 300}}}  # 500 → 700 pieces


def impact_of(change) -> dict:
    context = ChangeContext(change.order, change, change.diff(), extra=change.proposed["extra"])
    found: dict = {}
    for item in impacts(context):
        found.setdefault(item.area, []).append((str(item.text), str(item.who)))
    return found


def test_r8_materials_fabric_needs_the_group_head_again_and_trims_more(
    order, merchandiser, department_manager
):
    booking = make_booking(order, consumption=Decimal("1.2"))
    fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    make_trim(order, description="Main label", consumption=Decimal("1"), unit="pcs")
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    materials = impact_of(change)[ImpactArea.MATERIALS]
    fabric = next(text for text, _who in materials if booking.fabric_name in text)
    assert "600.0 → 840.0" in fabric and "group head signs" in fabric
    assert any("Main label: 500.0 → 700.0 pcs" in text for text, _who in materials)


def test_r8_a_style_change_needs_a_new_pp_round(order, merchandiser, department_manager, clerk):
    from samples.demo import satisfy_pp_sample_gate

    satisfy_pp_sample_gate(order)
    assert sample_rules.pp_sample_approved(order)
    change = raise_change(order, merchandiser, fields={"fabric": "Cotton jersey 180 g/m²"})
    (line,) = impact_of(change)[ImpactArea.SAMPLES][:1]
    assert "new PP round" in line[0]
    walk_to_applied(change, merchandiser, department_manager, clerk)
    order = fresh(order)
    assert not sample_rules.pp_sample_approved(order)  # the old PP sample no longer counts
    satisfy_pp_sample_gate(order)
    assert sample_rules.pp_sample_approved(fresh(order))


def test_r8_open_inspection_is_booked_for_the_new_quantity(
    order, merchandiser, department_manager, clerk, qc
):
    order = at_stage(order, Stage.APPROVED)
    booking = inspection_book(
        order_id=order.pk,
        user=qc,
        kind=InspectionKind.FINAL,
        party=InspectorParty.OWN_QC,
        planned_date=order.ex_factory_date - timedelta(days=3),
    )
    assert booking.lot_size == 500
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    (text, who) = impact_of(change)[ImpactArea.INSPECTION][0]
    assert "lot 500 → 700 pieces" in text and "AQL sample 50 → 80" in text and who == "QC"
    walk_to_applied(change, merchandiser, department_manager, clerk)
    booking.refresh_from_db()
    assert booking.lot_size == 700


def test_r8_marks_and_trims_change_through_the_request(
    order, merchandiser, department_manager, clerk
):
    from shipping.models import ShippingMarks

    trim = make_trim(order, description="Main label, woven")
    ShippingMarks.objects.create(
        order=order, main_marks="NORTHWIND\nPO 1", recorded_by=merchandiser
    )
    change = raise_change(
        order,
        merchandiser,
        extra={
            f"suppliers.trim.{trim.pk}": "Main label, printed",
            "shipping.marks.main": "NW\nPO 1",
        },
    )
    fields = {c.key: (c.before, c.after) for c in change.diff().fields}
    assert fields[f"suppliers.trim.{trim.pk}"] == ("Main label, woven", "Main label, printed")
    walk_to_applied(change, merchandiser, department_manager, clerk)
    trim.refresh_from_db()
    marks = ShippingMarks.objects.get(order=order)
    assert trim.description == "Main label, printed" and marks.main_marks == "NW\nPO 1"
    # The customer confirmed the change, and with it the new marks (R8, R23).
    assert marks.confirmed and "CR-1" in marks.confirmation_reference


def test_r8_a_signed_fabric_booking_is_signed_again_after_a_change(
    order, merchandiser, department_manager, clerk
):
    booking = make_booking(order)
    fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    walk_to_applied(change, merchandiser, department_manager, clerk)
    booking.refresh_from_db()
    assert not booking.is_signed
