"""Fabric bookings (R2), colour standards and bulk fabric approval."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.documents.services import document_send, documents_release
from orders.services.common import lock_row
from orders.timeline import event_message, joined
from suppliers.choices import CustomerDecisionReason, Decider, Decision, SupplierEvent, SupplierKind
from suppliers.models import (
    BulkFabricSubmission,
    FabricBooking,
    LabDip,
    LabDipSubmission,
)
from suppliers.permissions import can_sign_booking
from suppliers.services.common import ActionRefused, lock_for, note, perform

FABRIC_BOOKING_FORM = "F-FAB-001"

BOOKING_FIELDS = [
    "supplier",
    "contact",
    "fabric_name",
    "construction",
    "width",
    "composition",
    "price",
    "currency",
    "price_unit",
    "consumption",
    "consumption_unit",
    "delivery_date",
    "colour_standard",
    "wash_standard",
    "tests_required",
    "test_requirements",
    "needed_by",
]
# Changing any of these after the signature voids it: the head signed what is being sent.
SIGNED_FIELDS = set(BOOKING_FIELDS) - {"needed_by"}


def _validate_booking(booking: FabricBooking) -> None:
    try:
        booking.full_clean()
    except ValidationError as invalid:
        raise ActionRefused(
            _("The fabric booking is incomplete."), details=_field_messages(booking, invalid)
        ) from None
    if booking.supplier.kind != SupplierKind.FABRIC_MILL:
        raise ActionRefused(_("The fabric supplier must be a fabric mill."))
    if booking.contact.supplier_id != booking.supplier_id:
        raise ActionRefused(_("The contact must work for the chosen fabric mill."))


def _field_messages(instance, invalid: ValidationError) -> list[str]:
    messages = []
    for name, errors in invalid.message_dict.items():
        label = instance._meta.get_field(name).verbose_name if name != "__all__" else ""
        messages.extend(f"{label}: {error}" if label else error for error in errors)
    return messages


def fabric_booking_create(*, order_id: int, user, **fields) -> FabricBooking:
    unknown = set(fields) - set(BOOKING_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        order = lock_for(order_id, user)
        booking = FabricBooking(order=order, **fields)
        _validate_booking(booking)
        booking.save()
        note(
            order,
            user=user,
            kind=EventKind.EDITED,
            action=SupplierEvent.FABRIC_BOOKING_CREATED,
            detail=f"{booking.fabric_name} / {booking.supplier}",
        )
    return booking


def fabric_booking_update(*, booking_id: int, user, **fields) -> FabricBooking:
    unknown = set(fields) - set(BOOKING_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        booking = lock_row(FabricBooking, pk=booking_id)
        order = lock_for(booking.order_id, user)
        changed = [name for name, value in fields.items() if getattr(booking, name) != value]
        for name in changed:
            setattr(booking, name, fields[name])
        _validate_booking(booking)
        voided = booking.is_signed and bool(SIGNED_FIELDS & set(changed))
        if voided:
            booking.signed_by, booking.signed_at = None, None
        booking.save()
        detail = event_message(
            "%(fields)s", fields=[FabricBooking._meta.get_field(n).verbose_name for n in changed]
        )
        if voided:
            detail = joined(
                [
                    detail,
                    event_message(
                        gettext_noop("the signature is void; the group head must sign again")
                    ),
                ],
                " — ",
            )
        note(
            order,
            user=user,
            kind=EventKind.EDITED,
            action=SupplierEvent.FABRIC_BOOKING_EDITED,
            detail=detail,
        )
    return booking


def fabric_booking_sign(*, booking_id: int, user, comment: str = "") -> FabricBooking:
    """R2: the group head (or a department manager) signs the booking before it is sent."""
    with transaction.atomic():
        booking = lock_row(FabricBooking, pk=booking_id)
        order = lock_for(booking.order_id, user, allowed=can_sign_booking)
        if booking.is_signed:
            raise ActionRefused(_("This fabric booking is already signed."))
        booking.signed_by, booking.signed_at = user, timezone.now()
        booking.save(update_fields=["signed_by", "signed_at"])
        note(
            order,
            user=user,
            kind=EventKind.APPROVAL,
            action=SupplierEvent.FABRIC_BOOKING_SIGNED,
            detail=" ".join(part for part in (booking.fabric_name, comment.strip()) if part),
        )
        _release_after_change(booking, user)
    return booking


def _release_after_change(booking: FabricBooking, user) -> None:
    """R8 + R2: a booking an applied change sent back for signing goes again to the factory as
    the order's new revision as soon as it is signed; its earlier link already refuses."""

    if documents_release(obj=booking, user=user):
        booking.sent_at = timezone.now()
        booking.save(update_fields=["sent_at"])


def fabric_booking_send(*, booking_id: int, user, language: str | None = None):
    """R2: the signed booking goes to the factory as form F-FAB-001; refused while unsigned."""

    booking = FabricBooking.objects.select_related("order__factory").get(pk=booking_id)
    with transaction.atomic():  # F-FAB-001's send rule refuses an unsigned booking (R2)
        document = document_send(
            spec_code=FABRIC_BOOKING_FORM, obj=booking, user=user, language=language
        )
        booking.sent_at = timezone.now()
        booking.save(update_fields=["sent_at"])
        order = lock_for(booking.order_id, user)
        note(
            order,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SupplierEvent.FABRIC_BOOKING_SENT,
            detail=f"{booking.fabric_name} → {booking.order.factory}",
        )
    return document


# ---- colour standards (lab dips) and bulk fabric: rounds of submissions ------------------


def _next_round(submissions) -> int:
    last = submissions.order_by("-round").first()
    if last is not None and last.decision == Decision.PENDING:
        raise ActionRefused(_("The previous round still waits for a decision."))
    if last is not None and last.decision == Decision.APPROVED:
        raise ActionRefused(_("This is already approved."))
    return (last.round if last else 0) + 1


# The transition each answer takes (the model's lifecycle carries its rules and who may).
DECISIONS = {Decision.APPROVED: "approve", Decision.REJECTED: "reject"}


def _decide(
    submission,
    *,
    user,
    decision: str,
    decided_by_party: str,
    customer_reason: str,
    comments: str,
) -> None:
    """Put the answer on the round (the transition's rules read it), then take the transition,
    which records who decided and when; refused, nothing is saved."""
    already = _("This round was already decided.")
    if decision not in DECISIONS:
        raise ActionRefused(already if not submission.is_pending else _("Approve or reject."))
    submission.decided_by_party = decided_by_party
    submission.customer_reason = customer_reason if decided_by_party == Decider.CUSTOMER else ""
    submission.comments = (comments or "").strip()
    perform(
        submission, DECISIONS[decision], user=user, not_possible=already, by=user, at=timezone.now()
    )


def _decision_detail(subject: str, submission) -> dict:
    """Shown in the reader's language: the decider and the customer's reason are labels."""
    decision = event_message(
        gettext_noop("%(subject)s round %(round)s, decided by %(who)s"),
        subject=subject,
        round=submission.round,
        who=Decider(submission.decided_by_party).label,
    )
    details = []
    if submission.customer_reason:
        details.append(CustomerDecisionReason(submission.customer_reason).label)
    if submission.comments:
        details.append(submission.comments)
    if not details:
        return decision
    return event_message(
        gettext_noop("%(decision)s — %(details)s"), decision=decision, details=details
    )


def lab_dip_submit(
    *, order_id: int, user, colourway: str, submitted_on: date, reference: str = ""
) -> LabDipSubmission:
    colourway = (colourway or "").strip()
    if not colourway:
        raise ActionRefused(_("Which colourway?"))
    with transaction.atomic():
        order = lock_for(order_id, user)
        lab_dip, _created = LabDip.objects.get_or_create(order=order, colourway=colourway)
        submission = LabDipSubmission.objects.create(
            lab_dip=lab_dip,
            round=_next_round(lab_dip.submissions.all()),
            submitted_on=submitted_on,
            reference=reference,
        )
        note(
            order,
            user=user,
            kind=EventKind.NOTE,
            action=SupplierEvent.LAB_DIP_SUBMITTED,
            detail=f"{colourway} #{submission.round} {reference}".strip(),
        )
    return submission


def lab_dip_decide(
    *,
    submission_id: int,
    user,
    decision: str,
    decided_by_party: str = Decider.MERCHANDISER,
    customer_reason: str = "",
    comments: str = "",
) -> LabDipSubmission:
    return _record_decision(
        LabDipSubmission.objects.select_related("lab_dip"),
        submission_id,
        user,
        material=lambda submission: submission.lab_dip,
        name=lambda submission: submission.lab_dip.colourway,
        events=(SupplierEvent.LAB_DIP_REJECTED, SupplierEvent.LAB_DIP_APPROVED),
        answer={
            "decision": decision,
            "decided_by_party": decided_by_party,
            "customer_reason": customer_reason,
            "comments": comments,
        },
    )


def _record_decision(
    queryset, submission_id: int, user, *, material, name, events, answer, sign=False
):
    """A lab dip's or a bulk swatch's decision (the same steps for both): lock, decide, sign the
    approved bulk swatch, and record it on the order's timeline."""
    with transaction.atomic():
        submission = lock_row(queryset, pk=submission_id)
        order = lock_for(material(submission).order_id, user)
        material(submission).order = order
        _decide(submission, user=user, **answer)
        approved = answer["decision"] == Decision.APPROVED
        if approved and sign:
            submission.signed_by = user
        submission.save()
        note(
            order,
            user=user,
            kind=EventKind.APPROVAL if approved else EventKind.REJECTION,
            action=events[approved],
            detail=_decision_detail(name(submission), submission),
        )
    return submission


def bulk_fabric_submit(
    *,
    booking_id: int,
    user,
    submitted_on: date,
    with_wash_standard: bool = False,
    reference: str = "",
) -> BulkFabricSubmission:
    with transaction.atomic():
        booking = lock_row(FabricBooking, pk=booking_id)
        order = lock_for(booking.order_id, user)
        if booking.wash_standard and not with_wash_standard:
            raise ActionRefused(
                _("This fabric is washed: the factory must submit the wash standard too.")
            )
        submission = BulkFabricSubmission.objects.create(
            booking=booking,
            round=_next_round(booking.bulk_submissions.all()),
            submitted_on=submitted_on,
            with_wash_standard=with_wash_standard,
            reference=reference,
        )
        note(
            order,
            user=user,
            kind=EventKind.NOTE,
            action=SupplierEvent.BULK_FABRIC_SUBMITTED,
            detail=f"{booking.fabric_name} #{submission.round} {reference}".strip(),
        )
    return submission


def bulk_fabric_decide(
    *,
    submission_id: int,
    user,
    decision: str,
    decided_by_party: str = Decider.MERCHANDISER,
    customer_reason: str = "",
    comments: str = "",
) -> BulkFabricSubmission:
    """R2: the merchandiser (or the customer) decides; the approved swatch is signed by the
    merchandiser who records it, and filed."""
    return _record_decision(
        BulkFabricSubmission.objects.select_related("booking"),
        submission_id,
        user,
        material=lambda submission: submission.booking,
        name=lambda submission: submission.booking.fabric_name,
        events=(SupplierEvent.BULK_FABRIC_REJECTED, SupplierEvent.BULK_FABRIC_APPROVED),
        answer={
            "decision": decision,
            "decided_by_party": decided_by_party,
            "customer_reason": customer_reason,
            "comments": comments,
        },
        sign=True,
    )
