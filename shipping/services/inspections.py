"""Inspection bookings (R12), reports with the AQL verdict, the R7 decision, the certificate."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.timeline import event_message, joined
from shipping import aql, permissions
from shipping.choices import (
    DefectClass,
    FailureDecision,
    InspectionKind,
    InspectorParty,
    ShippingEvent,
    Verdict,
    inspection_action,
)
from shipping.models import (
    Defect,
    DefectCount,
    FailureResolution,
    InspectionBooking,
    InspectionCertificate,
    InspectionMeasurement,
    InspectionPhoto,
    InspectionReport,
)
from shipping.services.common import ActionRefused, lock_order, record_event, refuse_unless


def inspection_book(
    *,
    order_id: int,
    user,
    kind: str,
    party: str,
    planned_date: date,
    lot_size: int | None = None,
    level: str = "II",
    aql_critical: str = "0.010",
    aql_major: str = "2.5",
    aql_minor: str = "4.0",
    inspection_company: str = "",
    inspector_name: str = "",
    notes: str = "",
    reinspection_of: InspectionBooking | None = None,
) -> InspectionBooking:
    """Book an inspection; R12's deadline is shown with it and a late booking is flagged."""
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_book_inspection(order, user), _("You may not book inspections.")
        )
        return book_inspection(
            order,
            user,
            kind=kind,
            party=party,
            planned_date=planned_date,
            lot_size=lot_size or order.total_quantity,
            level=level,
            aqls=(aql_critical, aql_major, aql_minor),
            inspection_company=inspection_company,
            inspector_name=inspector_name,
            notes=notes,
            reinspection_of=reinspection_of,
        )


def book_inspection(order, user, *, kind, party, planned_date, lot_size, level, aqls, **fields):
    """The booking itself, for a caller that holds the order's lock and checked the role
    (inspection_book; the demo's gate walk)."""
    try:
        for value in aqls:
            aql.sampling_plan(lot_size, level, value)
    except aql.AQLError as error:
        raise ActionRefused(aql.aql_error_message(error)) from error
    booking = InspectionBooking.objects.create(
        order=order,
        kind=kind,
        party=party,
        planned_date=planned_date,
        booked_by=user,
        lot_size=lot_size,
        level=aql.normalize_level(level),
        aql_critical=aql.normalize_aql(aqls[0]),
        aql_major=aql.normalize_aql(aqls[1]),
        aql_minor=aql.normalize_aql(aqls[2]),
        **fields,
    )
    message = event_message(
        gettext_noop("%(kind)s by %(party)s on %(date)s; booking deadline %(deadline)s"),
        kind=InspectionKind(booking.kind).label,
        party=InspectorParty(booking.party).label,
        date=planned_date,
        deadline=booking.deadline,
    )
    if booking.booked_late:
        message = joined([message, event_message(gettext_noop("booked late (R12)"))], " — ")
    record_event(
        order,
        kind=EventKind.NOTE,
        actor=user,
        action=inspection_action(booking.kind, "booked"),
        message=message,
    )
    return booking


def inspection_report_record(
    *,
    booking_id: int,
    user,
    inspected_on: date,
    quantity_presented: int,
    defects_found: dict[str, int],
    defects: list[dict] | None = None,
    measurement_rows: list[dict] | None = None,
    photos: list | None = None,
    cartons_opened: int = 0,
    measurements: str = "",
    packing_ok: bool = True,
    marking_ok: bool = True,
    packing_notes: str = "",
    remarks: str = "",
) -> InspectionReport:
    """QC records what was found; the verdict follows from the AQL numbers of each class:
    found ≤ Ac passes, ≥ Re fails. Packing or marking faults alone do not fail the lot but stay
    on the report for the merchandiser."""
    booking = InspectionBooking.objects.select_related("order").get(pk=booking_id)
    with transaction.atomic():
        order = lock_order(booking.order_id)
        refuse_unless(
            permissions.can_record_inspection(order, user),
            _("Only QC records inspection reports."),
        )
        return record_inspection_report(
            booking,
            user,
            inspected_on=inspected_on,
            quantity_presented=quantity_presented,
            defects_found=defects_found,
            defects=defects or [],
            measurement_rows=measurement_rows or [],
            photos=photos or [],
            cartons_opened=cartons_opened,
            measurements=measurements,
            packing_ok=packing_ok,
            marking_ok=marking_ok,
            packing_notes=packing_notes,
            remarks=remarks,
        )


def record_inspection_report(
    booking, user, *, defects_found, defects, measurement_rows=(), photos=(), **fields
) -> InspectionReport:
    """The report itself, for a caller that holds the order's lock and checked the role
    (inspection_report_record; the demo's gate walk)."""
    if InspectionReport.objects.filter(booking=booking).exists():
        raise ActionRefused(_("This inspection already has a report; book a re-inspection."))
    plans = booking.plans()
    counts = {value: int(defects_found.get(value, 0) or 0) for value in DefectClass.values}
    if any(found < 0 for found in counts.values()):
        raise ActionRefused(_("The number of defects cannot be negative."))
    refuse_fewer_found_than_described(counts, defects)
    passed = all(plans[value].verdict(counts[value]) for value in DefectClass.values)
    report = InspectionReport.objects.create(
        booking=booking,
        quantity_checked=max(plan.sample_size for plan in plans.values()),
        verdict=Verdict.PASS if passed else Verdict.FAIL,
        recorded_by=user,
        **fields,
    )
    for value in DefectClass.values:
        plan = plans[value]
        DefectCount.objects.create(
            report=report,
            defect_class=value,
            aql=str(plan.aql),
            code_letter=plan.code_letter,
            sample_size=plan.sample_size,
            accept=plan.accept,
            reject=plan.reject,
            found=counts[value],
        )
    for defect in defects:
        Defect.objects.create(report=report, **defect)
    InspectionMeasurement.objects.bulk_create(
        InspectionMeasurement(report=report, **row) for row in measurement_rows
    )
    for photo in photos:
        InspectionPhoto.objects.create(report=report, photo=photo)
    record_event(
        booking.order,
        kind=EventKind.NOTE,
        actor=user,
        action=inspection_action(booking.kind, "recorded"),
        message=event_message(
            gettext_noop(
                "%(kind)s inspection: %(verdict)s (critical %(c)s, major %(ma)s, minor %(mi)s)"
            ),
            kind=InspectionKind(booking.kind).label,
            verdict=Verdict(report.verdict).label,
            c=counts[DefectClass.CRITICAL],
            ma=counts[DefectClass.MAJOR],
            mi=counts[DefectClass.MINOR],
        ),
    )
    if passed and booking.kind != InspectionKind.INLINE:
        issue_certificate(report, user)
    return report


def refuse_fewer_found_than_described(counts: dict[str, int], defects: list[dict]) -> None:
    """A lot is judged on the counts: a class cannot count fewer defects than the pieces its
    described defects add up to, or a lot with listed defects could pass on a zero."""
    described = dict.fromkeys(DefectClass.values, 0)
    for defect in defects:
        described[defect["defect_class"]] += int(defect.get("quantity") or 1)
    short = [
        DefectClass(value).label for value in DefectClass.values if counts[value] < described[value]
    ]
    if short:
        raise ActionRefused(
            _("Fewer defects found than the defects listed add up to: %(classes)s.")
            % {"classes": ", ".join(str(label) for label in short)}
        )


def failure_decide(
    *,
    report_id: int,
    user,
    decision: str,
    reason: str,
    reinspection_date: date | None = None,
) -> FailureResolution:
    """R7: the purchasing head or the GM decides on a failed inspection: rework and re-inspect
    (a re-inspection is booked at once) or ship under an L/G letter."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give the reason for the decision."))
    report = InspectionReport.objects.select_related("booking").get(pk=report_id)
    with transaction.atomic():
        order = lock_order(report.booking.order_id)
        refuse_unless(
            permissions.can_decide_failure(order, user),
            _("Only the purchasing head or the general manager decides (R7)."),
        )
        if report.passed:
            raise ActionRefused(_("This inspection passed; there is nothing to decide."))
        if FailureResolution.objects.filter(report=report).exists():
            raise ActionRefused(_("This failed inspection was already decided."))
        if decision == FailureDecision.REWORK and reinspection_date is None:
            raise ActionRefused(_("Please give the date of the re-inspection."))
        resolution = FailureResolution.objects.create(
            report=report, decision=decision, reason=reason, decided_by=user
        )
        record_event(
            order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ShippingEvent.INSPECTION_FAILURE_DECIDED,
            message=event_message(
                gettext_noop("%(decision)s:"), decision=FailureDecision(decision).label
            ),
            comment=reason,
        )
        if decision == FailureDecision.REWORK:
            booking = report.booking
            book_inspection(
                order,
                user,
                kind=InspectionKind.REINSPECTION,
                party=booking.party,
                planned_date=reinspection_date,
                lot_size=booking.lot_size,
                level=booking.level,
                aqls=(booking.aql_critical, booking.aql_major, booking.aql_minor),
                inspection_company=booking.inspection_company,
                inspector_name=booking.inspector_name,
                reinspection_of=booking,
                notes=reason,
            )
    return resolution


def issue_certificate(report, user, guarantee_letter=None) -> InspectionCertificate:
    order = report.booking.order
    certificate = InspectionCertificate.objects.create(
        order=order,
        report=report,
        guarantee_letter=guarantee_letter,
        number=f"IC-{timezone.localdate():%Y%m%d}-{report.pk:05d}",
        issued_by=user,
    )
    record_event(
        order,
        kind=EventKind.DOCUMENT,
        actor=user,
        action=ShippingEvent.INSPECTION_CERTIFICATE_ISSUED,
        message=event_message(
            gettext_noop("INSPECTION CERTIFICATE %(number)s issued under L/G")
            if guarantee_letter
            else gettext_noop("INSPECTION CERTIFICATE %(number)s issued"),
            number=certificate.number,
        ),
    )
    return certificate
