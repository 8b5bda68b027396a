"""Reads of the plan, the progress sheet and the date changes; each does its own joins."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from orders.choices import ACTIVE_STAGES
from orders.models import (
    CustomerProgressSubscription,
    DateChangeRequest,
    Milestone,
    Order,
    OrderLine,
    OrderPlan,
    ProcessStep,
    ProgressReport,
)
from orders.permissions import can_edit, can_inspect
from orders.planning import scheduling
from orders.planning.choices import (
    MILESTONE_STATE_COLOURS,
    DateChangeStatus,
    MilestoneState,
    Party,
)
from orders.planning.rules import CREDIT_CLASS_RANK
from orders.roles import Role, has_role
from orders.visibility import visible_orders

DUE_SOON_DAYS = 7
HOME_LIST_LIMIT = 50


def milestone_state(milestone: Milestone, today: date) -> str:
    if milestone.actual_date:
        return MilestoneState.DONE
    if milestone.planned_date is None:
        return MilestoneState.WAITING
    if milestone.planned_date < today:
        return MilestoneState.LATE
    if milestone.planned_date <= today + timedelta(days=DUE_SOON_DAYS):
        return MilestoneState.DUE_SOON
    return MilestoneState.OPEN


# ---- production progress (R25, R26) -------------------------------------------------------------


def step_figures(reports) -> dict[int, scheduling.StepFigures]:
    """Per step: the first and the latest cumulative figures, for its rate."""
    by_step: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.step_id, r.reported_on)):
        by_step[report.step_id].append(report)
    return {
        step_id: scheduling.StepFigures(
            first_on=rows[0].reported_on,
            first_done=rows[0].quantity_done,
            last_on=rows[-1].reported_on,
            last_done=rows[-1].quantity_done,
            completed=rows[-1].completed,
        )
        for step_id, rows in by_step.items()
    }


@dataclass
class StepRow:
    """One line of the order progress sheet (R26)."""

    step: ProcessStep
    latest: ProgressReport | None
    done: int
    scrapped: int
    scrap_rate: float | None
    percent: int
    finish: date | None
    days_late: int
    completed: bool
    exception: str
    history: list[ProgressReport] = field(default_factory=list)

    @property
    def scrap_percent(self) -> float | None:
        return None if self.scrap_rate is None else 100 * self.scrap_rate


@dataclass
class ProgressSheet:
    rows: list[StepRow]
    total: int
    countdown: int  # days to the ex-factory date (negative: past it)

    @property
    def days_past(self) -> int:
        return max(0, -self.countdown)


def progress_sheet(order: Order, reports: list[ProgressReport], steps, today: date):
    total = order.total_quantity or 0
    figures = step_figures(reports)
    by_step: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: r.reported_on):
        by_step[report.step_id].append(report)
    rows = []
    for step in steps:
        history = by_step.get(step.pk, [])
        latest = history[-1] if history else None
        done = latest.quantity_done if latest else 0
        scrapped = latest.quantity_scrapped if latest else 0
        completed = bool(latest and (latest.completed or (total and done >= total)))
        finish = (
            scheduling.step_finish(figures[step.pk], total=total) if step.pk in figures else None
        )
        if completed:
            days_late = 0
        elif finish:
            days_late = max((finish - order.ex_factory_date).days, 0)
        else:
            days_late = max((today - order.ex_factory_date).days, 0)
        rows.append(
            StepRow(
                step=step,
                latest=latest,
                done=done,
                scrapped=scrapped,
                scrap_rate=scrapped / (done + scrapped) if done + scrapped else None,
                percent=min(100, round(100 * done / total)) if total else 0,
                finish=finish,
                days_late=days_late,
                completed=completed,
                exception=latest.exception if latest else "",
                history=history,
            )
        )
    return ProgressSheet(rows, total, (order.ex_factory_date - today).days)


# ---- the order page's plan section -------------------------------------------------------------


@dataclass
class ChartRow:
    milestone: Milestone
    state: str
    colour: str
    planned_x: float | None
    actual_x: float | None
    projected_x: float | None
    # The planned bar: from the previous milestone's planned date (the order date for the
    # first) to this one's, as Gantt charts draw a task.
    start: date | None = None
    start_x: float | None = None

    @property
    def bar_width(self) -> float | None:
        if self.start_x is None or self.planned_x is None:
            return None
        return round(max(self.planned_x - self.start_x, 0.4), 2)

    @property
    def state_label(self):
        return MilestoneState(self.state).label


@dataclass
class Chart:
    rows: list[ChartRow]
    start: date
    end: date
    today_x: float | None
    customer_x: float | None
    ticks: list[tuple[float, date]]
    height: int


def _chart(order: Order, milestones: list[Milestone], today: date) -> Chart | None:
    dates = [
        d
        for m in milestones
        for d in (m.planned_date, m.actual_date, m.projected_date)
        if d is not None
    ]
    if not dates:
        return None
    start = min([*dates, order.order_date]) - timedelta(days=3)
    end = max([*dates, order.customer_date, today]) + timedelta(days=3)
    span = max((end - start).days, 1)

    def x(day: date | None) -> float | None:
        return None if day is None else round(100 * (day - start).days / span, 2)

    rows = []
    previous = order.order_date
    for milestone in milestones:
        bar_start = min(previous, milestone.planned_date) if milestone.planned_date else None
        previous = milestone.planned_date or previous
        state = milestone_state(milestone, today)
        projected = milestone.projected_date
        rows.append(
            ChartRow(
                milestone=milestone,
                state=state,
                colour=MILESTONE_STATE_COLOURS[state],
                planned_x=x(milestone.planned_date),
                actual_x=x(milestone.actual_date),
                projected_x=x(projected)
                if projected and projected != milestone.planned_date and not milestone.actual_date
                else None,
                start=bar_start,
                start_x=x(bar_start),
            )
        )
    step = max(span // 6, 1)
    days = [start + timedelta(days=offset) for offset in range(0, span, step)]
    # A full date is about a tenth of the axis wide: none starts where it would be cut off.
    ticks = [(x(day), day) for day in days if x(day) <= 90]
    return Chart(rows, start, end, x(today), x(order.customer_date), ticks, 24 * len(rows) + 30)


def plan_section_context(order: Order, user) -> dict:
    """The order page's plan section: the chart, the progress sheet, the date changes.
    A fixed number of queries, whatever the plan's size."""
    today = timezone.localdate()
    milestones = list(
        Milestone.objects.filter(order=order)
        .select_related("completed_by_user")
        .order_by("position", "id")
    )
    plan = OrderPlan.objects.filter(order=order).select_related("template").first()
    steps = list(ProcessStep.objects.filter(active=True))
    reports = list(ProgressReport.objects.filter(order=order).select_related("reported_by", "step"))
    changes = list(
        DateChangeRequest.objects.filter(order=order).select_related("created_by", "decided_by")
    )
    may_update = can_edit(order, user) or can_inspect(order, user)
    return {
        "plan": plan,
        "chart": _chart(order, milestones, today),
        "today": today,
        "progress": progress_sheet(order, reports, steps, today),
        "steps": steps,
        "changes": changes,
        "open_change": next((c for c in changes if c.status == DateChangeStatus.PROPOSED), None),
        "may_update": may_update,
        "may_change_dates": can_edit(order, user),
        "weekly": CustomerProgressSubscription.objects.filter(order=order).first(),
        "parties": [Party.FACTORY, Party.CUSTOMER],
        "responsible_parties": Party.choices,
    }


# ---- the merchandiser's home -------------------------------------------------------------------


def _mine(user) -> QuerySet[Order]:
    orders = visible_orders(user)
    if has_role(user, Role.MERCHANDISER) and not user.is_superuser:
        orders = orders.filter(merchandiser=user)
    return orders


@dataclass
class PlanHome:
    due_this_week: list[Milestone]
    late: list[Milestone]
    at_risk: list[Order]
    # Each block shows its first HOME_LIST_LIMIT; these are how many there are in all.
    due_count: int = 0
    late_count: int = 0
    at_risk_count: int = 0


def r19_order_by(due: str, order: str = "") -> list:
    """R19's order (orders.planning.rules.r19_priority) as the database's ORDER BY, for rows
    annotated by with_r19_columns(order): the earlier date, the customer's class, the larger
    quantity, the more lines, the order id."""
    return [due, "r19_class", "-r19_quantity", "-r19_lines", f"{order}id" if order else "id"]


def with_r19_columns(queryset: QuerySet, order: str = ""):
    """The columns R19 sorts on, read from the order at `order` (a lookup prefix, or the rows
    themselves), the line sums each a subquery over that order's own lines."""
    lines = (
        OrderLine.objects.filter(order=OuterRef(f"{order}id" if order else "pk"))
        .order_by()
        .values("order")
    )
    ranks = [When(**{f"{order}customer__credit_class": cls}, then=Value(rank))
             for cls, rank in CREDIT_CLASS_RANK.items()]  # fmt: skip
    return queryset.annotate(
        r19_class=Case(*ranks, default=Value(len(CREDIT_CLASS_RANK))),
        r19_quantity=Coalesce(Subquery(lines.annotate(n=Sum("quantity")).values("n")), 0),
        r19_lines=Coalesce(Subquery(lines.annotate(n=Count("id")).values("n")), 0),
    )


def _first(queryset: QuerySet, ranked) -> tuple[list, int]:
    """The first HOME_LIST_LIMIT rows in R19's order (`ranked` adds its columns and ORDER BY)
    and how many there are, counted without the ranking's joins and line sums."""
    return list(ranked(queryset)[:HOME_LIST_LIMIT]), queryset.count()


def plan_home(user, *, today: date | None = None) -> PlanHome:
    """What is due this week, what is late, and the orders at risk, in R19's order: the first
    HOME_LIST_LIMIT of each, sorted and cut by the database, and how many there are."""
    today = today or timezone.localdate()
    mine = _mine(user).filter(stage__in=ACTIVE_STAGES)
    open_milestones = Milestone.objects.filter(
        order__in=mine.values("pk"), actual_date__isnull=True
    )

    def milestones_ranked(queryset):
        return with_r19_columns(
            queryset.select_related("order__customer"), order="order__"
        ).order_by(*r19_order_by("planned_date", "order__"), "id")

    def orders_ranked(queryset):
        return with_r19_columns(queryset.select_related("customer", "plan")).order_by(
            *r19_order_by("customer_date")
        )

    late, late_count = _first(open_milestones.filter(planned_date__lt=today), milestones_ranked)
    due, due_count = _first(
        open_milestones.filter(
            planned_date__gte=today, planned_date__lte=today + timedelta(days=DUE_SOON_DAYS)
        ),
        milestones_ranked,
    )
    at_risk, at_risk_count = _first(
        Order.objects.filter(pk__in=mine.values("pk"), plan__at_risk=True), orders_ranked
    )
    return PlanHome(
        due_this_week=due,
        late=late,
        at_risk=at_risk,
        due_count=due_count,
        late_count=late_count,
        at_risk_count=at_risk_count,
    )


# ---- lateness by responsibility (R6 report) ----------------------------------------------------


@dataclass
class LatenessRow:
    responsible: str
    label: object
    changes: int
    orders: int
    days: int


def lateness_by_responsibility(
    orders: QuerySet[Order], *, limit: int = 200
) -> tuple[list[LatenessRow], list]:
    """Agreed date changes that moved a date later, split by who was responsible (summed by
    the database); and the latest `limit` changes themselves, newest first."""
    agreed = DateChangeRequest.objects.filter(
        order__in=orders.values("pk"),
        status=DateChangeStatus.AGREED,
        proposed_date__gt=F("current_date"),
    )
    moved = ExpressionWrapper(F("proposed_date") - F("current_date"), output_field=DurationField())
    totals = {
        row["responsible"]: row
        for row in agreed.order_by()
        .values("responsible")
        .annotate(changes=Count("id"), orders=Count("order", distinct=True), moved=Sum(moved))
    }
    empty = {"changes": 0, "orders": 0, "moved": None}
    rows = [
        LatenessRow(
            party,
            Party(party).label,
            totals.get(party, empty)["changes"],
            totals.get(party, empty)["orders"],
            _days(totals.get(party, empty)["moved"]),
        )
        for party in Party.values
    ]
    latest = agreed.select_related("order__customer", "created_by").order_by("-decided_at", "-id")
    return rows, list(latest[:limit])


def _days(moved) -> int:
    if moved is None:
        return 0
    return moved.days if isinstance(moved, timedelta) else int(moved)
