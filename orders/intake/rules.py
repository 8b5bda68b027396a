"""R13 and R29 as functions the services, gates, reminders and forms share."""

from collections.abc import Collection
from datetime import date, datetime, time

from django.utils import timezone

from orders import workdays
from orders.choices import Stage
from orders.intake.choices import CommodityInspectionStep, PmcReplyStatus
from orders.planning.choices import CommodityInspectionEvent
from orders.planning.commodity import CUSTOMS_BOOKED, INSPECTION_BOOKED, INSPECTION_PASSED

# Intake: the order is received or in its contract review.
INTAKE_STAGES = (Stage.RECEIVED, Stage.IN_REVIEW)

# R13: PMC replies "by the next afternoon": the end of the next working day's afternoon.
R13_PMC_REPLY_BY = time(17, 0)
# R29: the direct order's ORDER CONFIRMATION to the sales office.
ORDER_CONFIRMATION_FORM = "F-ORD-002"
# R13: the merchandiser's written reply to the customer, with PMC's date.
CUSTOMER_REPLY_FORM = "F-ORD-003"


# R33: each recorded step, the action it records and the plan's milestone that action completes.
R33_STEP_ACTIONS = {
    CommodityInspectionStep.BOOKED: CommodityInspectionEvent.INSPECTION_BOOKED,
    CommodityInspectionStep.PASSED: CommodityInspectionEvent.INSPECTION_PASSED,
    CommodityInspectionStep.CUSTOMS_BOOKED: CommodityInspectionEvent.CUSTOMS_BOOKED,
}
R33_STEP_MILESTONES = {
    CommodityInspectionStep.BOOKED: INSPECTION_BOOKED,
    CommodityInspectionStep.PASSED: INSPECTION_PASSED,
    CommodityInspectionStep.CUSTOMS_BOOKED: CUSTOMS_BOOKED,
}


def r13_pmc_reply_due(asked_at: datetime, *, holidays: Collection[date] = ()) -> datetime:
    """The next working day after the day PMC is asked, at the end of its afternoon (weekends
    and the office's holidays skipped), in the office's time zone."""
    asked_on = timezone.localtime(asked_at).date()
    due_on = workdays.add_working_days(asked_on, 1, holidays=holidays)
    return timezone.make_aware(datetime.combine(due_on, R13_PMC_REPLY_BY))


def r13_latest_pmc_reply(order):
    """PMC's latest delivery date for the order, or None while PMC has not replied."""
    replies = [r for r in order.pmc_replies.all() if r.status == PmcReplyStatus.REPLIED]
    return max(replies, key=lambda r: (r.replied_at, r.pk), default=None)


def r13_pmc_has_replied(order) -> bool:
    return r13_latest_pmc_reply(order) is not None


def r29_applies(order) -> bool:
    return order.direct_order


def r29_signed_confirmation(order):
    """The sales office's signed ORDER CONFIRMATION kept in the order's file, if it is in."""
    return (
        order.sent_documents.filter(form_code=ORDER_CONFIRMATION_FORM)
        .exclude(signed_copy="")
        .order_by("-version")
        .first()
    )


def r29_confirmation_signed(order) -> bool:
    return not r29_applies(order) or r29_signed_confirmation(order) is not None


def r29_po_countersigned(order) -> bool:
    """R29: a direct order is distributed (approved, then its production order sent) only once
    the sales office has countersigned the customer's P/O; other orders are not held."""
    return not r29_applies(order) or r29_countersignature(order) is not None


def r29_countersignature(order):
    """The sales office's countersignature of the P/O, or None while there is none."""
    return getattr(order, "po_countersignature", None)


def r33_applies(order) -> bool:
    return order.commodity_inspection


def r33_next_step(done: set[str]) -> str | None:
    """R33: the steps come in their order (the certificate after the booking, customs after the
    certificate); the first one not recorded yet."""
    return next((step for step in CommodityInspectionStep.values if step not in done), None)
