"""Sample rounds: requested from the factory, received, sent to the customer, decided."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.services.common import ActionRefused, lock_order, lock_with_order, perform
from orders.timeline import event_message
from samples import rules
from samples.choices import (
    DECIDED_STATUSES,
    DecidedBy,
    Recipient,
    SampleEvent,
    SampleType,
)
from samples.models import SamplePiece, SampleRequest
from samples.permissions import can_work_on_samples
from samples.services.common import record_sample_event


def sample_request_create(
    *,
    order_id: int,
    user,
    sample_type: str,
    requested_on: date | None = None,
    due_on: date | None = None,
    allocation: dict[str, int] | None = None,
    instructions: str = "",
    style_no: str = "",
) -> SampleRequest:
    """Ask the factory for the next round of a sample type; its pieces follow R22."""
    if sample_type not in SampleType.values:
        raise ActionRefused(_("Unknown sample type."))
    allocation = allocation or rules.r22_default_allocation(sample_type)
    missing = rules.r22_missing_recipients(allocation)
    if missing:
        raise ActionRefused(
            _("Samples go in triplicate (R22): no piece for %(who)s.")
            % {"who": ", ".join(str(Recipient(r).label) for r in missing)}
        )
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_work_on_samples(order, user):
            raise ActionRefused(_("You may not request samples for this order."))
        rounds = SampleRequest.objects.filter(order=order, sample_type=sample_type)
        last = rounds.order_by("-round_no").first()
        if last is not None and last.status not in DECIDED_STATUSES:
            raise ActionRefused(
                _("Round %(round)d of this sample is still open: record its decision first.")
                % {"round": last.round_no}
            )
        sample = SampleRequest.objects.create(
            order=order,
            style_no=style_no or order.style_no,
            sample_type=sample_type,
            round_no=(rounds.aggregate(n=Max("round_no"))["n"] or 0) + 1,
            requested_on=requested_on or timezone.localdate(),
            due_on=due_on,
            instructions=instructions,
            created_by=user,
        )
        SamplePiece.objects.bulk_create(
            SamplePiece(sample=sample, recipient=recipient, quantity=quantity)
            for recipient, quantity in allocation.items()
            if quantity
        )
        record_sample_event(
            sample,
            user=user,
            action=SampleEvent.SAMPLE_REQUESTED,
            detail=event_message(
                gettext_noop("%(pieces)s pieces requested"), pieces=sample.quantity
            ),
        )
    return sample


def sample_receive(*, sample_id: int, user, received_on: date | None = None) -> SampleRequest:
    """The factory's pieces are in; the check can begin."""
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not work on these samples."),
        )
        already = _("This sample has already been received.")
        perform(
            sample,
            "receive",
            user=user,
            not_possible=already,
            on=received_on or timezone.localdate(),
        )
        sample.save(update_fields=["received_on", "status"])
        record_sample_event(sample, user=user, action=SampleEvent.SAMPLE_RECEIVED)
    return sample


def sample_send_to_customer(*, sample_id: int, user, sent_on: date | None = None) -> SampleRequest:
    """The customer's piece goes out for the customer's own approval (seed 000 §5.7.3 B)."""
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not work on these samples."),
        )
        not_received = _("Only a received sample can be sent to the customer.")
        perform(
            sample,
            "send_to_customer",
            user=user,
            not_possible=not_received,
            on=sent_on or timezone.localdate(),
        )
        sample.save(update_fields=["sent_on", "status"])
        record_sample_event(sample, user=user, action=SampleEvent.SAMPLE_SENT_TO_CUSTOMER)
    return sample


def sample_decide(
    *,
    sample_id: int,
    user,
    approved: bool,
    source: str = DecidedBy.HOUSE,
    comment: str = "",
    customer_comments: str | None = None,
) -> SampleRequest:
    """Record the approval or rejection of a round, by us or by the customer (R4).

    A rejected round is followed by a new round, which repeats the check."""
    comment = (comment or "").strip()
    if not approved and not comment:
        raise ActionRefused(_("Please give the reason for the rejection."))
    if source not in DecidedBy.values:
        raise ActionRefused(_("Unknown decision source."))
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not decide on these samples."),
        )
        perform(
            sample,
            "approve" if approved else "reject",
            user=user,
            not_possible=_("A sample can be decided once received and before it is decided."),
            by=user,
            at=timezone.now(),
            source=source,
            comment=comment,
        )
        if customer_comments is not None:
            sample.customer_comments = customer_comments
        sample.save()
        record_sample_event(
            sample,
            user=user,
            kind=EventKind.APPROVAL if approved else EventKind.REJECTION,
            action=_decision_action(sample, approved),
            detail=event_message(gettext_noop("%(by)s."), by=DecidedBy(source).label),
            comment=comment,
        )
    return sample


def _decision_action(sample: SampleRequest, approved: bool) -> str:
    """The action code is the plan's contract: "sample_approved" completes the PP-sample
    milestone (R4), so a proto or fit approval must not use it."""
    if not approved:
        return SampleEvent.SAMPLE_REJECTED
    if sample.sample_type == SampleType.PRE_PRODUCTION:
        return SampleEvent.SAMPLE_APPROVED
    return SampleEvent.SAMPLE_ROUND_APPROVED
