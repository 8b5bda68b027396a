"""R13: the merchandiser asks PMC after the first review; PMC confirms capacity and replies a
delivery date. Each service locks the order, checks who may, and records who, when and why."""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.intake import permissions, rules
from orders.intake.choices import IntakeEvent, PmcReplyStatus
from orders.intake.models import PmcReply
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
    now = now or timezone.now()
    with transaction.atomic():
        order = lock_order(order_id)
        if not permissions.can_ask_pmc(order, user):
            raise ActionRefused(_("Only the order's merchandiser asks PMC for a delivery date."))
        if order.stage not in rules.INTAKE_STAGES:
            raise ActionRefused(_("PMC is asked for a delivery date at intake, before approval."))
        today = timezone.localdate(now)
        due_at = rules.r13_pmc_reply_due(
            now, holidays=holidays_between(today, today + timedelta(days=30))
        )
        try:
            with transaction.atomic():
                reply = PmcReply.objects.create(
                    order=order,
                    requested_by=user,
                    requested_at=now,
                    request_note=(note or "").strip(),
                    due_at=due_at,
                )
        except IntegrityError as twice:
            raise ActionRefused(_("PMC has already been asked and has not replied yet.")) from twice
        save_order(order, update_fields=[])
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=IntakeEvent.PMC_REQUESTED,
            message=event_message(
                gettext_noop("Reply due by %(due)s."),
                due=f"{timezone.localtime(due_at):%Y-%m-%d %H:%M}",
            ),
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
