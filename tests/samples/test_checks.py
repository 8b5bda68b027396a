"""Checking a sample against the approved spec: tolerance boundary and discrepancies (R4)."""

from decimal import Decimal

import pytest

from orders.services.common import ActionRefused
from samples import rules
from samples.choices import Area, SampleStatus, Severity
from samples.services import sample_check_record
from tests.factories import make_sample

pytestmark = pytest.mark.django_db


def point(actual, *, spec="50", tolerance="1", accepted=False, name="Chest 1/2"):
    return {
        "point_of_measure": name,
        "size": "M",
        "spec": Decimal(spec),
        "tolerance": Decimal(tolerance),
        "actual": Decimal(actual),
        "accepted": accepted,
    }


def test_r4_exactly_at_tolerance_is_within_it():
    assert not rules.out_of_tolerance(
        spec=Decimal("50"), tolerance=Decimal("1"), actual=Decimal("51")
    )
    assert not rules.out_of_tolerance(
        spec=Decimal("50"), tolerance=Decimal("1"), actual=Decimal("49")
    )


def test_r4_beyond_tolerance_is_flagged():
    assert rules.out_of_tolerance(
        spec=Decimal("50"), tolerance=Decimal("1"), actual=Decimal("51.01")
    )
    assert rules.out_of_tolerance(
        spec=Decimal("50"), tolerance=Decimal("1"), actual=Decimal("48.99")
    )


def test_r4_out_of_tolerance_points_become_must_correct_discrepancies(order, merchandiser):
    sample = make_sample(order)
    sample = sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[point("51"), point("52.5", name="Body length"), point("49.5", name="Hem")],
        discrepancies=[],
    )
    chest, body, hem = sample.measurements.all()
    assert (chest.deviation, chest.out_of_tolerance) == (Decimal("1.00"), False)
    assert (body.deviation, body.out_of_tolerance) == (Decimal("2.50"), True)
    assert not hem.out_of_tolerance
    found = sample.discrepancies.get()
    assert (found.area, found.severity, found.measurement) == (
        Area.MEASUREMENT,
        Severity.MUST_CORRECT,
        body,
    )
    assert sample.status == SampleStatus.CHECKED and sample.checked_by == merchandiser


def test_r4_merchandiser_may_let_an_out_of_tolerance_point_pass(order, merchandiser):
    sample = make_sample(order)
    sample = sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[point("52", accepted=True)],
        discrepancies=[],
    )
    assert sample.discrepancies.get().severity == Severity.MAY_PRODUCE
    assert rules.production_may_start(sample.discrepancies.all())


def test_r4_construction_and_wash_discrepancies_may_or_must(order, merchandiser):
    sample = make_sample(order)
    sample = sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[],
        discrepancies=[
            {"area": Area.CONSTRUCTION, "description": "Single needle", "severity": "may_produce"},
            {"area": Area.WASH, "description": "Shade too dark", "severity": "must_correct"},
        ],
        construction_remarks="Bar-tack pockets",
        wash_remarks="Stone wash lighter",
    )
    assert sample.must_correct_count == 1
    assert not rules.production_may_start(sample.discrepancies.all())
    assert sample.wash_remarks == "Stone wash lighter"
    event = order.events.get(action="sample_checked")
    assert event.actor == merchandiser and "1 must correct" in event.text


def test_rechecking_replaces_the_chart_and_the_list(order, merchandiser):
    sample = make_sample(order)
    sample_check_record(
        sample_id=sample.pk, user=merchandiser, measurements=[point("55")], discrepancies=[]
    )
    sample = sample_check_record(
        sample_id=sample.pk, user=merchandiser, measurements=[point("50")], discrepancies=[]
    )
    assert sample.measurements.count() == 1 and not sample.discrepancies.exists()


def test_check_refused_before_the_sample_is_received(order, merchandiser):
    sample = make_sample(order, received=False)
    with pytest.raises(ActionRefused):
        sample_check_record(
            sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[]
        )


def test_invalid_measurement_is_refused_with_its_row_number(order, merchandiser):
    sample = make_sample(order)
    bad = point("50")
    bad["point_of_measure"] = ""
    with pytest.raises(ActionRefused) as refused:
        sample_check_record(
            sample_id=sample.pk,
            user=merchandiser,
            measurements=[point("50"), bad],
            discrepancies=[],
        )
    assert "2" in str(refused.value)
    assert not sample.measurements.exists()
