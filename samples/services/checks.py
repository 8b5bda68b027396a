"""Checking a round against the approved spec: measurement chart, remarks, discrepancies (R4)."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.services.common import ActionRefused, lock_with_order, perform
from orders.timeline import event_message
from samples import rules
from samples.choices import Area, SampleEvent, Severity
from samples.models import Discrepancy, Measurement, SampleRequest
from samples.permissions import can_work_on_samples
from samples.services.common import record_sample_event


def sample_check_record(
    *,
    sample_id: int,
    user,
    measurements: list[dict[str, Any]],
    discrepancies: list[dict[str, Any]],
    construction_remarks: str = "",
    wash_remarks: str = "",
    customer_comments: str | None = None,
) -> SampleRequest:
    """Record (or re-record) the check of a round. It replaces the previous chart and list:
    every out-of-tolerance point becomes a discrepancy, "must correct" unless accepted (R4)."""
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not check these samples."),
        )
        perform(
            sample,
            "record_check",
            user=user,
            not_possible=_(
                "Only a received, undecided sample can be checked; request a new round."
            ),
            by=user,
            at=timezone.now(),
        )
        sample.discrepancies.all().delete()
        sample.measurements.all().delete()
        points = [_measurement(sample, number, row) for number, row in enumerate(measurements, 1)]
        Measurement.objects.bulk_create(points)
        found = [
            Discrepancy(
                sample=sample,
                area=Area.MEASUREMENT,
                description=str(point),
                severity=rules.measurement_severity(accepted=point.accepted),
                measurement=point,
                recorded_by=user,
            )
            for point in Measurement.objects.filter(sample=sample)
            if point.out_of_tolerance
        ]
        found += [
            _discrepancy(sample, user, number, row) for number, row in enumerate(discrepancies, 1)
        ]
        Discrepancy.objects.bulk_create(found)
        sample.construction_remarks = construction_remarks
        sample.wash_remarks = wash_remarks
        if customer_comments is not None:
            sample.customer_comments = customer_comments
        sample.save()
        must = sum(1 for d in found if d.severity == Severity.MUST_CORRECT)
        record_sample_event(
            sample,
            user=user,
            action=SampleEvent.SAMPLE_CHECKED,
            detail=event_message(
                gettext_noop(
                    "%(points)s points measured, %(found)s discrepancies, %(must)s must correct"
                ),
                points=len(points),
                found=len(found),
                must=must,
            ),
        )
    return sample


def _measurement(sample: SampleRequest, number: int, row: dict[str, Any]) -> Measurement:
    point = Measurement(
        sample=sample,
        point_of_measure=(row.get("point_of_measure") or "").strip(),
        size=(row.get("size") or "").strip(),
        spec=row.get("spec"),
        tolerance=row.get("tolerance") if row.get("tolerance") is not None else Decimal("0"),
        actual=row.get("actual"),
        accepted=bool(row.get("accepted")),
    )
    _validate(point, _("Measurement %(number)d: %(errors)s"), number)
    if point.tolerance < 0:
        raise ActionRefused(
            _("Measurement %(number)d: the tolerance cannot be negative.") % {"number": number}
        )
    return point


def _discrepancy(sample: SampleRequest, user, number: int, row: dict[str, Any]) -> Discrepancy:
    area = row.get("area") or Area.OTHER
    if area == Area.MEASUREMENT:
        raise ActionRefused(
            _("Discrepancy %(number)d: measurement discrepancies come from the chart.")
            % {"number": number}
        )
    item = Discrepancy(
        sample=sample,
        area=area,
        description=(row.get("description") or "").strip(),
        severity=row.get("severity") or Severity.MUST_CORRECT,
        recorded_by=user,
    )
    _validate(item, _("Discrepancy %(number)d: %(errors)s"), number, exclude=["measurement"])
    return item


def _validate(obj, message, number: int, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=["sample", *(exclude or [])])
    except ValidationError as error:
        raise ActionRefused(
            message % {"number": number, "errors": " ".join(error.messages)}
        ) from error
