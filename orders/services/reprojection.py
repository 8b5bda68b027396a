"""The daily re-projection, in proportion to what can move.

A plan's projection depends on today only through the open milestones it pushes to today
(scheduling.project: one still open after its planned date cannot happen before today). A plan
whose open milestones are all projected today or later projects the same again, so the daily
pass reads only the plans where that is not so, or whose "at risk" flag no longer agrees with
its order (an order closed, put on hold or resumed since). Every change to a plan's inputs
(actual dates, agreed dates, progress figures, the contract's dates and lines) re-projects it
at once (orders.services.planning.reproject), so nothing else can move overnight.

The chosen plans are read and written a chunk of orders at a time, in one transaction each:
a run that stops half way leaves every chunk it finished projected today, and the next run
reads only the others. A second run on the same day finds nothing to do."""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from orders.choices import ACTIVE_STAGES
from orders.models import Milestone, Order, OrderLine, OrderPlan, ProgressReport
from orders.planning import scheduling
from orders.planning.selectors import step_figures
from orders.services.planning import PROJECTION_FIELDS, project_milestones

CHUNK = 500  # orders per transaction: the locks held, and the rows read, at a time
MILESTONE_COLUMNS = (
    "id",
    "order_id",
    "planned_date",
    "projected_date",
    "actual_date",
    "critical",
    "is_ex_factory",
)


def plans_that_can_move(today: date):
    """The order ids whose projection (or "at risk" flag) can differ from the stored one: the
    plans never projected, those whose kept date has passed (OrderPlan.moves_after, set by every
    projection and by a transition into or out of the active stages: plan_follows_stage), and
    the plans at risk whose order no longer is. Read through the plans' indexes, never from the
    milestones or every plan."""
    active = Q(order__stage__in=ACTIVE_STAGES)
    moves = Q(projected_on__isnull=True) | Q(projected_on__lt=today, moves_after__lt=today)
    flag_disagrees = Q(
        at_risk=True,
        projected_on__lt=today,
        projected_ex_factory_date__lte=F("order__customer_date"),
    )
    return (
        OrderPlan.objects.filter(moves | Q(at_risk=True))
        .filter((active & (moves | flag_disagrees)) | (~active & Q(at_risk=True)))
        .order_by("order_id")
        .values_list("order_id", flat=True)
    )


def reproject_all(*, today: date | None = None, chunk: int = CHUNK) -> int:
    """The daily pass: project again every plan the calendar can have moved; returns how many."""
    today = today or timezone.localdate()
    order_ids = list(plans_that_can_move(today))
    for start in range(0, len(order_ids), chunk):
        with transaction.atomic():
            reproject_chunk(order_ids[start : start + chunk], today=today)
    return len(order_ids)


def reproject_chunk(order_ids: list[int], *, today: date) -> None:
    """reproject() for many orders in a fixed number of queries: the same projection, written
    only where it changed."""
    orders = list(
        Order.objects.select_for_update(of=("self",))
        .filter(pk__in=order_ids)
        .only("id", "stage", "ex_factory_date", "customer_date")
        .order_by("pk")
    )
    quantities = dict(
        OrderLine.objects.filter(order_id__in=order_ids)
        .order_by()
        .values("order_id")
        .annotate(total=Sum("quantity"))
        .values_list("order_id", "total")
    )
    finishes = _production_finishes(order_ids, quantities)
    plans = {plan.order_id: plan for plan in OrderPlan.objects.filter(order_id__in=order_ids)}
    milestones: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in (
        Milestone.objects.filter(order_id__in=order_ids)
        .only(*MILESTONE_COLUMNS)
        .order_by("order_id", "position", "id")
    ):
        milestones[milestone.order_id].append(milestone)
    moved = []
    for order in orders:
        plan = plans.get(order.pk)
        if plan is None:
            continue
        rows = milestones[order.pk]
        before = [row.projected_date for row in rows]
        project_milestones(order, plan, rows, finish=finishes.get(order.pk), today=today)
        moved += [row for row, old in zip(rows, before, strict=True) if row.projected_date != old]
    Milestone.objects.bulk_update(moved, ["projected_date"], batch_size=1000)
    OrderPlan.objects.bulk_update(
        [plans[order.pk] for order in orders if order.pk in plans],
        PROJECTION_FIELDS,
        batch_size=1000,
    )


def _production_finishes(order_ids: list[int], quantities: dict[int, int]) -> dict[int, date]:
    """planning.production_finish for many orders: when each one's slowest step ends (R25)."""

    reports = defaultdict(list)
    for report in ProgressReport.objects.filter(order_id__in=order_ids).only(
        "order_id", "step_id", "reported_on", "quantity_done", "completed"
    ):
        reports[report.order_id].append(report)
    finishes = {}
    for order_id, rows in reports.items():
        total = quantities.get(order_id) or 0
        found = [
            finish
            for figures in step_figures(rows).values()
            if (finish := scheduling.step_finish(figures, total=total))
        ]
        if found:
            finishes[order_id] = max(found)
    return finishes
