"""Production progress (R25, R26): PMC's weekly figures per process step feed the projection."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import ACTIVE_STAGES, EventKind
from orders.models import OrderPlan, ProcessStep, ProgressReport
from orders.permissions import can_edit, can_inspect
from orders.planning.choices import PlanEvent
from orders.services.common import ActionRefused, lock_order, record_event
from orders.services.planning import reproject
from orders.timeline import event_message


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def progress_report(
    *,
    order_id: int,
    user,
    step_id: int,
    quantity_done: int,
    quantity_scrapped: int = 0,
    exception: str = "",
    completed: bool = False,
    reported_on: date | None = None,
) -> ProgressReport:
    """Record a step's figures to date for this week (a second report in the week replaces the
    first). R25: a forecast that now misses the customer date is raised at once on the
    timeline and in the lists."""
    reported_on = reported_on or timezone.localdate()
    with transaction.atomic():
        order = lock_order(order_id)
        if not (can_edit(order, user) or can_inspect(order, user)):
            raise ActionRefused(_("You may not report the progress of this order."))
        if order.stage not in ACTIVE_STAGES:
            raise ActionRefused(_("The order is closed: its progress can no longer change."))
        if reported_on > timezone.localdate():
            raise ActionRefused(_("Progress cannot be reported for a future date."))
        if quantity_done < 0 or quantity_scrapped < 0:
            raise ActionRefused(_("Quantities cannot be negative."))
        step = ProcessStep.objects.filter(pk=step_id, active=True).first()
        if step is None:
            raise ActionRefused(_("Unknown process step."))
        earlier = (
            ProgressReport.objects.filter(order=order, step=step, reported_on__lt=reported_on)
            .order_by("-reported_on")
            .first()
        )
        if earlier and quantity_done < earlier.quantity_done:
            raise ActionRefused(
                _(
                    "The figures are totals to date: %(step)s had %(done)d pieces done on "
                    "%(date)s already."
                )
                % {"step": step.label, "done": earlier.quantity_done, "date": earlier.reported_on}
            )
        was_at_risk = OrderPlan.objects.filter(order=order, at_risk=True).exists()
        report, _created = ProgressReport.objects.update_or_create(
            order=order,
            step=step,
            week_of=monday_of(reported_on),
            defaults={
                "reported_on": reported_on,
                "quantity_done": quantity_done,
                "quantity_scrapped": quantity_scrapped,
                "exception": exception.strip(),
                "completed": completed,
                "reported_by": user,
            },
        )
        plan = reproject(order=order)
        text = gettext_noop("%(step)s: %(done)s/%(total)s; scrapped %(scrapped)s")
        if completed:
            text = gettext_noop(
                "%(step)s: %(done)s/%(total)s; scrapped %(scrapped)s; step completed"
            )
        parts = [
            event_message(
                text,
                step=step.label,
                done=quantity_done,
                total=order.total_quantity,
                scrapped=quantity_scrapped,
            )
        ]
        if plan and plan.at_risk and not was_at_risk:
            parts.append(
                event_message(
                    gettext_noop(
                        "At this rate the order misses the customer date: projected %(date)s."
                    ),
                    date=plan.projected_ex_factory_date,
                )
            )
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=PlanEvent.PROGRESS_REPORTED,
            message=event_message("%(parts)s", parts=parts),
            comment=exception.strip(),
        )
    return report
