"""Writes of the time-and-action plan: build it when the order is received, complete its
milestones (by hand, or when the event they stand for is recorded anywhere), and keep the
projection and the "at risk" flag current."""

from datetime import date

from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import ACTIVE_STAGES, EventKind
from orders.models import (
    Milestone,
    MilestoneTemplate,
    Order,
    OrderEvent,
    OrderPlan,
    PlanTemplate,
    ProgressReport,
)
from orders.permissions import can_edit, can_inspect
from orders.planning import scheduling
from orders.planning.calendar import holidays_around
from orders.planning.choices import Anchor, PlanEvent
from orders.planning.commodity import r33_commodity_inspection_steps
from orders.planning.rules import milestone_refusals
from orders.planning.selectors import step_figures
from orders.services.common import ActionRefused, lock_order, record_event, record_events
from orders.timeline import event_message

# The plan's own bookkeeping events, which never complete a milestone.
PLAN_OWN_ACTIONS = {
    PlanEvent.PLAN_BUILT,
    PlanEvent.MILESTONE_COMPLETED,
    PlanEvent.MILESTONE_REOPENED,
}

# Copied from the template onto each order's milestone.
MILESTONE_FIELDS = [
    "code",
    "name",
    "anchor",
    "anchor_action",
    "offset",
    "unit",
    "owner_role",
    "completed_by",
    "critical",
    "is_ex_factory",
]


def choose_template(order: Order, templates: list[PlanTemplate] | None = None):
    """The customer's template for this product type, else the customer's, else the product
    type's, else the office default. `templates`: the active ones, when already read."""
    description = (order.description or "").lower()

    def score(template: PlanTemplate) -> int | None:
        if template.customer_id and template.customer_id != order.customer_id:
            return None
        if template.product_type and template.product_type.lower() not in description:
            return None
        return 2 * bool(template.customer_id) + bool(template.product_type) + template.is_default

    if templates is None:
        templates = list(PlanTemplate.objects.filter(active=True).order_by("id"))
    candidates = [
        (value, template) for template in templates if (value := score(template)) is not None
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda pair: pair[0])[1]


def _milestone_from(step, order: Order, holidays) -> Milestone:
    milestone = Milestone(
        order=order,
        position=step.position,
        **{name: getattr(step, name) for name in MILESTONE_FIELDS},
    )
    milestone.planned_date = _planned(milestone, order, holidays)
    return milestone


class _NewMilestones:
    """_milestone_from for many orders at once. The orders of one P/O file mostly share their
    dates, so each step's planned date is counted once per order date and ex-factory date (it
    depends on nothing else), and each step's fields are read once."""

    def __init__(self, holidays):
        self.holidays = holidays
        self.dates: dict[tuple, date | None] = {}
        self.fields: dict[int | str, dict] = {}

    def of(self, step, order: Order) -> Milestone:
        # R33's bookings are unsaved steps (no pk): their code tells them apart.
        step_key = step.pk or step.code
        fields = self.fields.get(step_key)
        if fields is None:
            fields = self.fields[step_key] = {
                "position": step.position,
                **{name: getattr(step, name) for name in MILESTONE_FIELDS},
            }
        key = (step_key, order.order_date, order.ex_factory_date)
        if key not in self.dates:
            self.dates[key] = _planned(step, order, self.holidays)
        return Milestone(order=order, planned_date=self.dates[key], **fields)


def plan_build(
    *, order: Order, user=None, template: PlanTemplate | None = None, today: date | None = None
) -> OrderPlan | None:
    """Give the order its plan (again): planned dates counted back from the ex-factory date.
    A rebuild keeps the actual dates already recorded for the same milestones."""
    template = template or choose_template(order)
    if template is None:
        return None
    done = {m.code: m for m in order.milestones.exclude(actual_date=None)}
    order.milestones.all().delete()
    holidays = holidays_around(order.order_date, order.ex_factory_date)
    milestones = []
    steps = r33_commodity_inspection_steps(
        order, template.milestones.all().order_by("position", "id")
    )
    for step in steps:
        milestone = _milestone_from(step, order, holidays)
        previous = done.get(step.code)
        if previous is not None:
            milestone.actual_date = previous.actual_date
            milestone.completed_by_user_id = previous.completed_by_user_id
            milestone.completed_by_event_id = previous.completed_by_event_id
        milestones.append(milestone)
    Milestone.objects.bulk_create(milestones)
    OrderPlan.objects.update_or_create(order=order, defaults={"template": template})
    record_event(
        order,
        kind=EventKind.NOTE,
        actor=user,
        action=PlanEvent.PLAN_BUILT,
        comment=str(template),
    )
    return reproject(order=order, today=today)


def plans_build_missing(*, user=None) -> int:
    """Plans for the orders received before plans existed (a command and seed_demo use it)."""
    count = 0
    for order in Order.objects.filter(plan__isnull=True, stage__in=ACTIVE_STAGES):
        with transaction.atomic():
            if plan_build(order=order, user=user) is not None:
                count += 1
    return count


def plans_build_new(*, orders: list[Order], user=None, today: date | None = None) -> None:
    """plan_build for orders just entered, in a fixed number of queries however many they are
    (an imported P/O file): the same template choice, planned dates and projection. A new order
    has no milestone, actual date or progress report yet, so there is nothing to keep."""
    today = today or timezone.localdate()
    templates = list(
        PlanTemplate.objects.filter(active=True)
        .order_by("id")
        .prefetch_related(
            Prefetch("milestones", queryset=MilestoneTemplate.objects.order_by("position", "id"))
        )
    )
    if not orders or not templates:
        return
    new_milestones = _NewMilestones(
        holidays_around(
            *(day for order in orders for day in (order.order_date, order.ex_factory_date))
        )
    )
    milestones, plans, built = [], [], []
    for order in orders:
        template = choose_template(order, templates)
        if template is None:
            continue
        steps = r33_commodity_inspection_steps(order, template.milestones.all())
        rows = [new_milestones.of(step, order) for step in steps]
        plan = OrderPlan(order=order, template=template)
        project_milestones(order, plan, rows, finish=None, today=today)
        milestones += rows
        plans.append(plan)
        built.append((order, template))
    Milestone.objects.bulk_create(milestones)
    OrderPlan.objects.bulk_create(plans)
    record_events(
        [
            OrderEvent(
                order=order,
                kind=EventKind.NOTE,
                actor=user,
                action=PlanEvent.PLAN_BUILT,
                comment=str(template),  # the action's label heads the row, in the reader's words
            )
            for order, template in built
        ]
    )


def replan_dates(*, order: Order, today: date | None = None) -> OrderPlan | None:
    """After an agreed date change (R6): the open milestones move with the new dates."""
    holidays = holidays_around(order.order_date, order.ex_factory_date)
    milestones = list(order.milestones.all())
    for milestone in milestones:
        if milestone.anchor != Anchor.EVENT:
            milestone.planned_date = _planned(milestone, order, holidays)
    Milestone.objects.bulk_update(milestones, ["planned_date"])
    return reproject(order=order, today=today)


def _planned(milestone: Milestone, order: Order, holidays, event_date: date | None = None):
    return scheduling.planned_date(
        anchor=milestone.anchor,
        offset=milestone.offset,
        unit=milestone.unit,
        order_date=order.order_date,
        ex_factory_date=order.ex_factory_date,
        event_date=event_date,
        holidays=holidays,
    )


# ---- projection -------------------------------------------------------------------------------


def production_finish(order: Order) -> date | None:
    """When the slowest unfinished process step ends at its current rate (R25)."""
    total = order.total_quantity
    finishes = [
        scheduling.step_finish(figures, total=total)
        for figures in step_figures(ProgressReport.objects.filter(order=order)).values()
    ]
    finishes = [finish for finish in finishes if finish]
    return max(finishes) if finishes else None


# What project_milestones sets on the plan, saved together.
PROJECTION_FIELDS = [
    "projected_ex_factory_date",
    "delay_days",
    "at_risk",
    "projected_on",
    "moves_after",
]


def project_milestones(
    order: Order, plan: OrderPlan, milestones: list, *, finish, today: date
) -> None:
    """Set the milestones' projected dates and the plan's projection (nothing is saved)."""
    rows = [
        scheduling.PlanRow(m.planned_date, m.actual_date, m.critical, m.is_ex_factory)
        for m in milestones
    ]
    slip = scheduling.project(rows, today=today)
    projected = scheduling.projected_ex_factory(
        ex_factory_date=order.ex_factory_date, rows=rows, slip=slip, production_finish=finish
    )
    for milestone, row in zip(milestones, rows, strict=True):
        milestone.projected_date = row.projected
        # Production's own rate (R25) can push past the milestones' chain; the ex-factory row
        # then shows the date the plan's header and the lists show, not an earlier one.
        if milestone.is_ex_factory and not milestone.actual_date:
            milestone.projected_date = projected
    plan.projected_ex_factory_date = projected
    plan.delay_days = (projected - order.ex_factory_date).days
    plan.at_risk = order.stage in ACTIVE_STAGES and projected > order.customer_date
    plan.projected_on = today
    # A closed or held order's dates move nothing the daily pass keeps (its flag is off); a
    # transition back into the lifecycle marks the plan again (plan_follows_stage).
    plan.moves_after = moves_after(milestones, today) if order.stage in ACTIVE_STAGES else None


def moves_after(milestones: list, today: date) -> date | None:
    """OrderPlan.moves_after of projected milestones: after this day the calendar pushes an open
    milestone to today (one projected before today, or the open ex-factory row past its planned
    date); None when no open milestone has a date."""
    found = []
    for milestone in milestones:
        if milestone.actual_date is None and milestone.planned_date is not None:
            found.append(milestone.projected_date or today)
            if milestone.is_ex_factory:
                found.append(milestone.planned_date)
    return min(found, default=None)


def plan_follows_stage(event: OrderEvent) -> None:
    """Called for every recorded event: an order entering or leaving the active stages turns
    its plan's "at risk" flag on or off, so the plan is marked for the next daily pass (which
    otherwise reads only plans whose dates move: OrderPlan.moves_after). Not at once, as the
    old flag stays true until the pass, like any projection's day."""
    if event.kind != EventKind.TRANSITION:
        return
    if (event.from_stage in ACTIVE_STAGES) == (event.to_stage in ACTIVE_STAGES):
        return
    OrderPlan.objects.filter(order_id=event.order_id).update(moves_after=F("projected_on"))


def reproject(*, order: Order, today: date | None = None) -> OrderPlan | None:
    """Project the open milestones and the ex-factory date; flag the order at risk when the
    projected ex-factory date passes the customer date."""
    today = today or timezone.localdate()
    plan = OrderPlan.objects.filter(order=order).first()
    if plan is None:
        return None
    milestones = list(order.milestones.all())
    project_milestones(order, plan, milestones, finish=production_finish(order), today=today)
    Milestone.objects.bulk_update(milestones, ["projected_date"])
    plan.save(update_fields=PROJECTION_FIELDS)
    return plan


# ---- completing milestones ----------------------------------------------------------------------


def _may_complete(order: Order, user) -> bool:
    return can_edit(order, user) or can_inspect(order, user)


def milestone_complete(
    *, milestone_id: int, user, on: date | None = None, comment: str = ""
) -> Milestone:
    """Record a milestone's actual date by hand (e.g. the written reply to the customer)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        order_id = Milestone.objects.values_list("order_id", flat=True).get(pk=milestone_id)
        order = lock_order(order_id)
        if not _may_complete(order, user):
            raise ActionRefused(_("You may not update the plan of this order."))
        milestone = Milestone.objects.get(pk=milestone_id)
        if milestone.actual_date:
            raise ActionRefused(_("This milestone is already done."))
        if on > timezone.localdate():
            raise ActionRefused(_("A milestone cannot be done in the future."))
        refusals = milestone_refusals(order, milestone.code)
        if refusals:
            raise ActionRefused(" ".join(refusals))
        event = record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=PlanEvent.MILESTONE_COMPLETED,
            message=event_message(
                gettext_noop("%(milestone)s %(date)s."), milestone=milestone.label, date=on
            ),
            comment=(comment or "").strip(),
        )
        milestone.actual_date = on
        milestone.completed_by_user = user
        milestone.completed_by_event = event
        milestone.save(update_fields=["actual_date", "completed_by_user", "completed_by_event"])
        reproject(order=order)
    return milestone


def milestone_reopen(*, milestone_id: int, user, reason: str) -> Milestone:
    if not reason.strip():
        raise ActionRefused(_("Please say why the milestone is reopened."))
    with transaction.atomic():
        order_id = Milestone.objects.values_list("order_id", flat=True).get(pk=milestone_id)
        order = lock_order(order_id)
        if not _may_complete(order, user):
            raise ActionRefused(_("You may not update the plan of this order."))
        milestone = Milestone.objects.get(pk=milestone_id)
        milestone.actual_date = None
        milestone.completed_by_user = None
        milestone.completed_by_event = None
        milestone.save(update_fields=["actual_date", "completed_by_user", "completed_by_event"])
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=PlanEvent.MILESTONE_REOPENED,
            message=event_message(gettext_noop("%(milestone)s:"), milestone=milestone.label),
            comment=reason.strip(),
        )
        reproject(order=order)
    return milestone


def complete_from_event(event: OrderEvent) -> list[Milestone]:
    """Called by record_event for every event: the action code is the contract between the
    plan and the app that recorded it, so orders/ never imports that app. Completes the open
    milestones the action stands for, and dates the milestones counted from it."""
    action = event.action
    if not action or action in PLAN_OWN_ACTIONS:
        return []
    candidates = Milestone.objects.filter(order_id=event.order_id).filter(
        Q(actual_date__isnull=True, completed_by__contains=action)
        | Q(anchor=Anchor.EVENT, anchor_action=action)
    )
    day = timezone.localdate(event.at) if event.at else timezone.localdate()
    changed = []
    order = None
    for milestone in candidates:
        if milestone.anchor == Anchor.EVENT and milestone.anchor_action == action:
            # Counted from this event (e.g. R1: three working days from the trim card's
            # arrival); a new arrival starts the count again.
            order = order or event.order
            holidays = holidays_around(day)
            milestone.planned_date = _planned(milestone, order, holidays, event_date=day)
            milestone.actual_date = None
            milestone.completed_by_event = None
            milestone.completed_by_user = None
            changed.append(milestone)
        elif not milestone.actual_date and action in milestone.action_codes:
            milestone.actual_date = day
            milestone.completed_by_event = event
            milestone.completed_by_user_id = event.actor_id
            changed.append(milestone)
    if changed:
        Milestone.objects.bulk_update(
            changed, ["planned_date", "actual_date", "completed_by_event", "completed_by_user"]
        )
        reproject(order=event.order)
    return changed
