"""The demo orders' time-and-action plans: actual dates where the walk did the work, the
earlier milestones done (a few days late now and then), progress for orders in production,
and the "late" variants left behind so they show up as late and at risk."""

import random
from datetime import date, timedelta

from django.utils import timezone

from orders.choices import Stage
from orders.models import Milestone, Order, OrderEvent, ProcessStep, ProgressReport
from orders.planning.choices import Anchor
from orders.planning.rules import milestone_refusals
from orders.services.planning import plans_build_missing, reproject
from orders.services.progress import monday_of

PRODUCING = {Stage.IN_PRODUCTION, Stage.INSPECTION}


def date_the_plan(order: Order, *, variant: str, today: date, rng: random.Random) -> None:
    """Call after the demo walk and the spreading of its timeline."""
    order = Order.objects.get(pk=order.pk)  # the walk moved it on through the services
    event_days = {
        event.pk: timezone.localdate(event.at)
        for event in OrderEvent.objects.filter(order=order).only("pk", "at")
    }
    milestones = list(order.milestones.all())
    for milestone in milestones:
        if milestone.completed_by_event_id in event_days:
            milestone.actual_date = min(event_days[milestone.completed_by_event_id], today)
        elif (
            not milestone.actual_date
            and not milestone_refusals(order, milestone.code)  # e.g. R13: PMC has not replied
            and milestone.planned_date
            and milestone.anchor != Anchor.EVENT
            and milestone.planned_date < today - timedelta(days=2)
            and (variant != "late" or rng.random() < 0.5)
        ):
            delay = rng.choice([0, 0, 0, 1, 2, 4])
            milestone.actual_date = min(milestone.planned_date + timedelta(days=delay), today)
    Milestone.objects.bulk_update(milestones, ["actual_date"])
    if order.stage in PRODUCING:
        _progress(order, variant=variant, today=today, rng=rng)
    reproject(order=order, today=today)


def _progress(order: Order, *, variant: str, today: date, rng: random.Random) -> None:
    total = order.total_quantity
    share = 0.25 if variant == "late" else 0.6 + rng.random() * 0.3
    reports = []
    for index, step in enumerate(ProcessStep.objects.filter(active=True)):
        step_share = max(share - index * 0.15, 0)
        for weeks_ago, part in ((1, 0.6), (0, 1.0)):
            day = today - timedelta(days=7 * weeks_ago)
            done = int(total * step_share * part)
            reports.append(
                ProgressReport(
                    order=order,
                    step=step,
                    week_of=monday_of(day),
                    reported_on=day,
                    quantity_done=done,
                    quantity_scrapped=int(done * rng.choice([0, 0.005, 0.01, 0.03])),
                    exception="工人不足,車縫進度落後" if variant == "late" and index == 1 else "",
                    reported_by=order.merchandiser,
                )
            )
    ProgressReport.objects.bulk_create(reports, ignore_conflicts=True)


def plan_older_orders() -> int:
    """Orders made by a seed_demo from before plans existed get theirs."""
    return plans_build_missing()
