"""R13: the merchandiser asks PMC after the first review; PMC confirms capacity and replies a
delivery date. Each service locks the order, checks who may, and records who, when and why."""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import ACTIVE_STAGES, EventKind
from orders.intake import permissions, rules
from orders.intake.choices import CommodityInspectionStep, IntakeEvent, PmcReplyStatus
from orders.intake.models import CommodityInspectionRecord, PmcReply, PoCountersignature
from orders.planning.calendar import holidays_between
from orders.services.common import ActionRefused, lock_order, lock_row, record_event, save_order
from orders.services.planning import replan_dates
from orders.timeline import event_message

# (capacity confirmed, the ex-factory date moved to PMC's date) -> the timeline's sentence.
PMC_REPLY_SENTENCES = {
    (True, False): gettext_noop("Delivery date %(date)s, capacity confirmed."),
    (False, False): gettext_noop("Delivery date %(date)s, capacity short."),
    (True, True): gettext_noop(
        "Delivery date %(date)s, capacity confirmed: now the order's ex-factory date."
    ),
    (False, True): gettext_noop(
        "Delivery date %(date)s, capacity short: now the order's ex-factory date."
    ),
}


def pmc_reply_ask(*, order_id: int, user, note: str = "", now: datetime | None = None) -> PmcReply:
    """The merchandiser's first review is done: PMC is asked for capacity and a date, due by
    the next working afternoon."""
    with transaction.atomic():
        order = lock_order(order_id)
        if not permissions.can_ask_pmc(order, user):
            raise ActionRefused(_("Only the order's merchandiser asks PMC for a delivery date."))
        if order.stage not in rules.INTAKE_STAGES:
            raise ActionRefused(_("PMC is asked for a delivery date at intake, before approval."))
        try:
            with transaction.atomic():
                reply = _ask(order, user=user, note=note, now=now or timezone.now())
        except IntegrityError as twice:
            raise ActionRefused(_("PMC has already been asked and has not replied yet.")) from twice
        save_order(order, update_fields=[])
    return reply


def r13_ask_pmc_after_first_review(event) -> PmcReply | None:
    """R13: the order goes for review once the merchandiser's first review is done (the
    submission is the merchandiser's signature); PMC is asked then, without waiting for anyone
    to ask by hand, unless it was asked already. Called in the submission's transaction, the
    order locked."""
    order = event.order
    if order.pmc_replies.exists():
        return None
    return _ask(
        order,
        user=event.actor or order.merchandiser,
        note="",
        now=event.at or timezone.now(),
        sentence=gettext_noop("Asked when the order went for review. Reply due by %(due)s."),
    )


def _ask(
    order, *, user, note: str, now: datetime, sentence: str = gettext_noop("Reply due by %(due)s.")
) -> PmcReply:
    today = timezone.localdate(now)
    due_at = rules.r13_pmc_reply_due(
        now, holidays=holidays_between(today, today + timedelta(days=30))
    )
    reply = PmcReply.objects.create(
        order=order,
        requested_by=user,
        requested_at=now,
        request_note=(note or "").strip(),
        due_at=due_at,
    )
    record_event(
        order,
        kind=EventKind.NOTE,
        actor=user,
        action=IntakeEvent.PMC_REQUESTED,
        message=event_message(sentence, due=f"{timezone.localtime(due_at):%Y-%m-%d %H:%M}"),
        comment=reply.request_note,
    )
    return reply


def pmc_reply_give(
    *, reply_id: int, user, delivery_date: date, capacity_confirmed: bool, note: str = ""
) -> PmcReply:
    """PMC confirms capacity (or says it is short) and replies the delivery date it can keep."""
    note = (note or "").strip()
    if delivery_date is None:
        raise ActionRefused(_("Please give the delivery date PMC can keep."))
    if delivery_date < timezone.localdate():
        raise ActionRefused(_("The delivery date cannot be in the past."))
    if not capacity_confirmed and not note:
        raise ActionRefused(_("When the capacity is short, please say why in the note."))
    order_id = PmcReply.objects.values_list("order_id", flat=True).get(pk=reply_id)
    with transaction.atomic():
        order = lock_order(order_id)
        reply = lock_row(PmcReply, pk=reply_id)
        reply.order = order
        if reply.status != PmcReplyStatus.WAITING:
            raise ActionRefused(_("PMC has already replied."))
        if not permissions.can_reply_delivery_date(reply, user):
            raise ActionRefused(_("Only the planner / PMC replies the delivery date."))
        reply.reply(delivery_date=delivery_date, capacity_confirmed=capacity_confirmed, note=note)
        reply.replied_by, reply.replied_at = user, timezone.now()
        reply.save()
        moved = _take_pmc_date(order, delivery_date)
        save_order(order, update_fields=["ex_factory_date"] if moved else [])
        if moved:
            replan_dates(order=order)
        sentence = PMC_REPLY_SENTENCES[(capacity_confirmed, moved)]
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=IntakeEvent.PMC_REPLIED,
            message=event_message(sentence, date=f"{delivery_date:%Y-%m-%d}"),
            comment=note,
        )
    return reply


def _take_pmc_date(order, delivery_date: date) -> bool:
    """PMC's date becomes the order's ex-factory date (a P/O rarely names one, the import takes
    the customer date until PMC replies) when it keeps the customer date; a later one is for the
    customer to accept first (the written reply asks), so the order keeps its dates."""
    if order.ex_factory_date == delivery_date or delivery_date > order.customer_date:
        return False
    order.ex_factory_date = delivery_date
    return True


def po_countersignature_record(
    *, order_id: int, user, signed_by_name: str, signed_on: date, note: str = ""
) -> PoCountersignature:
    """R29: the sales office countersigned the direct order's P/O (after signing its ORDER
    CONFIRMATION back); the order may then be distributed."""
    signed_by_name = (signed_by_name or "").strip()
    note = (note or "").strip()
    if not signed_by_name:
        raise ActionRefused(_("Please give the name of who countersigned for the sales office."))
    if signed_on is None or signed_on > timezone.localdate():
        raise ActionRefused(_("The countersignature's date cannot be in the future."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not permissions.can_record_po_countersignature(order, user):
            raise ActionRefused(
                _("Only the order's merchandiser records the sales office's countersignature.")
            )
        if not rules.r29_applies(order):
            raise ActionRefused(_("Only a direct order's P/O is countersigned (R29)."))
        if rules.r29_signed_confirmation(order) is None:
            raise ActionRefused(
                _(
                    "The P/O is countersigned after the sales office signed the ORDER "
                    "CONFIRMATION back: file its signed copy first (R29)."
                )
            )
        if order.stage not in rules.INTAKE_STAGES:
            raise ActionRefused(_("The P/O is countersigned at intake, before it is distributed."))
        try:
            with transaction.atomic():
                countersignature = PoCountersignature.objects.create(
                    order=order,
                    signed_by_name=signed_by_name,
                    signed_on=signed_on,
                    note=note,
                    recorded_by=user,
                    recorded_at=timezone.now(),
                )
        except IntegrityError as twice:
            raise ActionRefused(_("The P/O has already been countersigned.")) from twice
        save_order(order, update_fields=[])
        record_event(
            order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=IntakeEvent.PO_COUNTERSIGNED,
            message=event_message(
                gettext_noop("%(name)s countersigned the P/O %(po)s on %(date)s."),
                name=signed_by_name,
                po=order.po_number,
                date=f"{signed_on:%Y-%m-%d}",
            ),
            comment=note,
        )
    return countersignature


def commodity_inspection_record(
    *, order_id: int, user, step: str, number: str, on: date
) -> CommodityInspectionRecord:
    """R33: the next step of the order's commodity inspection (商檢) happened: it is recorded
    with its number and date, and its action completes the plan's milestone."""
    number = (number or "").strip()
    if step not in CommodityInspectionStep.values:
        raise ActionRefused(_("Unknown step of the commodity inspection."))
    if not number:
        raise ActionRefused(_("Please give the booking, certificate or declaration number."))
    if on is None or on > timezone.localdate():
        raise ActionRefused(_("The date cannot be in the future."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not permissions.can_record_commodity_inspection(order, user):
            raise ActionRefused(
                _(
                    "Only the order's merchandiser, a manager or administration records the "
                    "commodity inspection (R33)."
                )
            )
        if not rules.r33_applies(order):
            raise ActionRefused(_("This order is not under statutory commodity inspection (R33)."))
        if order.stage not in ACTIVE_STAGES:
            raise ActionRefused(_("The commodity inspection is recorded while the order is live."))
        done = set(order.commodity_inspection_records.values_list("step", flat=True))
        if step in done:
            raise ActionRefused(_("This step of the commodity inspection is already recorded."))
        expected = rules.r33_next_step(done)
        if step != expected:
            raise ActionRefused(
                _("The commodity inspection goes step by step: first %(step)s (R33).")
                % {"step": CommodityInspectionStep(expected).label}
            )
        record = CommodityInspectionRecord.objects.create(
            order=order,
            step=step,
            number=number,
            on=on,
            recorded_by=user,
            recorded_at=timezone.now(),
        )
        save_order(order, update_fields=[])
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=rules.R33_STEP_ACTIONS[step],
            message=event_message(
                gettext_noop("No. %(number)s, %(date)s."), number=number, date=f"{on:%Y-%m-%d}"
            ),
        )
    return record
