"""Reads: each selector does its own joins so a page's query count does not grow with its rows."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, Window
from django.db.models.functions import Coalesce
from django.utils import timezone

from orders import rules
from orders.choices import (
    ACTIVE_STAGES,
    APPROVAL_CHAIN,
    LIFECYCLE,
    NEXT_TRANSITION,
    NOT_YET_SHIPPED_STAGES,
    PAYMENT_GATE_OPEN_STAGES,
    TRANSITIONS_NEEDING_REASON,
    ApprovalStep,
    Clearance,
    Decision,
    Stage,
)
from orders.gates import GateStatus, gate_statuses, gates_of
from orders.models import Approval, Order, OrderEvent, OrderPlan, PaymentClearance
from orders.models.order import annotate_totals
from orders.permissions import can_edit
from orders.planning.selectors import plan_home
from orders.roles import Role, has_role
from orders.sections import OrderSection, home_panels, sections
from orders.services.orders import EDITABLE_STAGES
from orders.services.transitions import available_transitions
from orders.visibility import visible, visible_orders
from orders.waiting import waiting_q, with_gm_threshold

# Mirrors clearance_record's refusal: after production starts the payment gate is closed.
DUE_SOON_DAYS = 7


def late_orders_q() -> Q:
    """Past the ex-factory date and not shipped yet (the same test as Order.is_late)."""
    return Q(stage__in=NOT_YET_SHIPPED_STAGES, ex_factory_date__lt=timezone.localdate())


def order_list(user) -> QuerySet[Order]:
    # Meta.ordering is dropped from aggregating queries, so the page order is spelled out.
    return annotate_at_risk(
        annotate_totals(visible_orders(user).select_related("customer", "factory", "merchandiser"))
    ).order_by("ex_factory_date", "id")


def annotate_at_risk(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """The plan's stored flag and projection (kept current by the planning services and the
    daily pass), so lists show "at risk" without a query per order. Subqueries for the rows
    shown, not a join: the list's count then reads the orders alone (a join stays in the count,
    and at 100,000 orders it matched every plan to count the orders)."""
    plan = OrderPlan.objects.filter(order=OuterRef("pk"))
    return queryset.annotate(
        at_risk=Coalesce(Subquery(plan.values("at_risk")[:1]), Value(False)),
        projected_ex_factory=Subquery(plan.values("projected_ex_factory_date")[:1]),
    )


def order_detail(user, pk: int) -> Order:
    """The order with everything its page shows; Http404 unless this user sees it."""
    return visible(
        Order.objects.select_related(
            "customer", "factory", "merchandiser", "team", "contract_check"
        ).prefetch_related(
            "lines",
            "clearances__user",
            "approvals__user",
            Prefetch("events", queryset=OrderEvent.objects.select_related("actor")),
        ),
        user,
        pk,
    )


# ---- the merchandiser's home ------------------------------------------------------------------


@dataclass
class WaitingItem:
    order: Order
    what: list  # translated labels: the signatures and gates this user can give


@dataclass
class Home:
    late: list[Order]
    due_this_week: list[Order]
    waiting: list[WaitingItem]
    stage_counts: list[tuple[str, int]]
    # The time-and-action plan's blocks (orders.planning.selectors.plan_home), in R19's order.
    plan: object = None
    # Blocks other apps contribute: (panel, its context) pairs.
    panels: list = field(default_factory=list)
    # Each block shows its first HOME_ROWS rows; these are how many there are in all.
    late_count: int = 0
    due_count: int = 0
    waiting_count: int = 0
    due_from: object = None
    due_to: object = None


# A home block shows this many rows and links to the list of all of them.
HOME_ROWS = 10


def my_orders(user) -> QuerySet[Order]:
    """A merchandiser's own orders; anyone else's home shows every order they can see."""
    orders = order_list(user)
    if has_role(user, Role.MERCHANDISER) and not user.is_superuser:
        orders = orders.filter(merchandiser=user)
    return orders


def first_rows(queryset: QuerySet, rows: int = HOME_ROWS) -> tuple[list, int]:
    """The first rows of a block and how many it has, in two short queries."""
    return list(queryset[:rows]), queryset.count()


def first_rows_counted(queryset: QuerySet, rows: int = HOME_ROWS) -> tuple[list, int]:
    """The first rows and how many there are, from one query (COUNT(*) OVER ()): for a filter
    whose tests cost more than its rows, run once rather than once for the rows and once to
    count."""
    found = list(queryset.annotate(rows_in_all=Window(Count("*")))[:rows])
    return found, found[0].rows_in_all if found else 0


def home(user) -> Home:
    today = timezone.localdate()
    due_to = today + timedelta(days=DUE_SOON_DAYS)
    mine = my_orders(user)
    late, late_count = first_rows(mine.filter(late_orders_q()))
    due, due_count = first_rows(
        mine.filter(
            stage__in=ACTIVE_STAGES, ex_factory_date__gte=today, ex_factory_date__lte=due_to
        )
    )
    # COUNT(*), not COUNT(id): the (team, stage) and stage indexes answer it without the rows.
    counts = dict(
        visible_orders(user).values_list("stage").annotate(n=Count("*")).values_list("stage", "n")
    )
    stage_counts = [(stage, counts.get(stage, 0)) for stage in Stage.values]
    # A panel whose context is None is not for this user (e.g. PMC's replies, R13).
    panels = [
        (panel, context) for panel in home_panels() if (context := panel.context(user)) is not None
    ]
    waiting, waiting_count = waiting_for(user)
    return Home(
        late,
        due,
        waiting,
        stage_counts,
        plan_home(user, today=today),
        panels,
        late_count=late_count,
        due_count=due_count,
        waiting_count=waiting_count,
        due_from=today,
        due_to=due_to,
    )


def waiting_for(user, rows: int = HOME_ROWS) -> tuple[list[WaitingItem], int]:
    """What this user can give now to move an order to its next step: the contract check (R5)
    of a received order, the next signature of the approval chain (R10), the payment
    clearances (R11) of an approved order. The first `rows`, soonest ex-factory first, and how
    many there are: the database picks them (orders.waiting), the rules name what each waits for."""
    # The totals are annotated because rules.needs_general_manager reads the amount.
    # Every test of waiting_q is in one of these stages; said once more outside its OR, the
    # rows are read off the open orders' date index (order_open_ex_factory).
    waiting = (
        with_gm_threshold(annotate_totals(visible_orders(user)))
        .filter(waiting_q(user), stage__in=PAYMENT_GATE_OPEN_STAGES)
        .order_by("ex_factory_date", "id")
    )
    orders, count = first_rows_counted(
        waiting.select_related("customer", "contract_check").prefetch_related(
            Prefetch("approvals", queryset=Approval.objects.filter(decision=Decision.APPROVED)),
            "clearances",
        ),
        rows,
    )
    items = []
    for order in orders:
        what = []
        if order.stage == Stage.RECEIVED:
            if (
                has_role(user, Role.MERCHANDISER)
                and can_edit(order, user)
                and not rules.contract_check_complete(order)
            ):
                what.append(gate_label("submit_for_review", "contract_check"))
        elif order.stage == Stage.IN_REVIEW:
            step = _next_step_from_prefetched(order)
            if step and has_role(user, rules.APPROVAL_STEP_ROLE[step]):
                what.append(ApprovalStep(step).label)
        else:
            what.extend(
                Clearance(kind).label
                for kind in _clearances_missing(order)
                if has_role(user, *rules.CLEARANCE_ROLES[kind])
            )
        if what:
            items.append(WaitingItem(order, what))
    return items, count


def gate_label(transition: str, code: str):
    """A gate's label, without running its check (which may query)."""
    for gate in gates_of(transition):
        if gate.code == code:
            return gate.label
    return code


def _next_step_from_prefetched(order: Order) -> str | None:
    """rules.next_approval_step, reading the prefetched approvals; the threshold query of
    rules.needs_general_manager runs only for orders that reached the general manager's step."""
    done = {a.step for a in order.approvals.all() if a.review_round == order.review_round}
    for step in APPROVAL_CHAIN:
        if step in done:
            continue
        if step == ApprovalStep.GENERAL_MANAGER and not rules.needs_general_manager(order):
            return None
        return step
    return None


def _clearances_missing(order: Order) -> list[str]:
    given = {clearance.kind for clearance in order.clearances.all()}
    if Clearance.GM_EXCEPTION in given:
        return []
    return [kind for kind in rules.payment_clearances_needed(order) if kind not in given]


# ---- the order page ---------------------------------------------------------------------------


@dataclass
class ChainRow:
    step: str
    label: object
    approval: Approval | None
    is_next: bool


@dataclass
class ClearanceRow:
    kind: str
    label: object
    record: PaymentClearance | None
    may_record: bool
    needs_reason: bool


@dataclass
class ActionButton:
    """A transition this user may ask for; `unmet` are the gates that still stop it, and the
    page shows the button disabled with them as the reason."""

    name: str
    unmet: list = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.unmet


@dataclass
class RenderedSection:
    section: OrderSection
    context: dict
    current: bool = True  # it matters in the order's stage: shown first and open


@dataclass
class OrderPage:
    order: Order
    lifecycle: list[tuple[str, str]]  # (stage, "done" / "current" / "todo")
    next_transition: str | None
    gates: list[GateStatus]
    transitions: list[str]
    may_edit: bool
    may_check_contract: bool
    chain: list[ChainRow]
    rejections: list[Approval]
    next_step: str | None
    may_sign: bool
    clearances: list[ClearanceRow] = field(default_factory=list)
    sections: list[RenderedSection] = field(default_factory=list)
    actions: list[ActionButton] = field(default_factory=list)


def order_page(order: Order, user) -> OrderPage:
    """Everything the order page shows, from an order loaded by order_detail()."""
    position = order.stage_in_lifecycle
    lifecycle = [
        (stage, "done" if i < position else "current" if i == position else "todo")
        for i, stage in enumerate(LIFECYCLE)
    ]
    next_transition = NEXT_TRANSITION.get(order.held_from or order.stage)
    gates = gate_statuses(order, next_transition) if next_transition else []
    this_round = [a for a in order.approvals.all() if a.review_round == order.review_round]
    signed = {a.step: a for a in this_round if a.decision == Decision.APPROVED}
    in_review = order.stage == Stage.IN_REVIEW
    required = rules.required_approval_steps(order)
    # rules.next_approval_step() over the prefetched approvals: the first required step unsigned.
    next_step = next((step for step in required if step not in signed), None) if in_review else None
    chain = [
        ChainRow(step, ApprovalStep(step).label, signed.get(step), step == next_step)
        for step in required
    ]
    may_edit = can_edit(order, user)
    may_sign = bool(next_step) and has_role(user, rules.APPROVAL_STEP_ROLE[next_step])
    transitions = _page_transitions(order, user, next_transition, may_sign)
    return OrderPage(
        order=order,
        lifecycle=lifecycle,
        next_transition=next_transition,
        gates=gates,
        transitions=transitions,
        actions=[
            ActionButton(name, _unmet(gates if name == next_transition else None, order, name))
            for name in transitions
        ],
        may_edit=may_edit and order.stage in EDITABLE_STAGES,
        may_check_contract=may_edit and order.stage == Stage.RECEIVED,
        chain=chain,
        rejections=[a for a in order.approvals.all() if a.decision == Decision.REJECTED],
        next_step=next_step,
        may_sign=may_sign,
        clearances=_clearance_rows(order, user),
        sections=_rendered_sections(order, user),
    )


def _rendered_sections(order: Order, user) -> list[RenderedSection]:
    """Every section, those that matter in the order's stage first (a held order counts as
    the stage it was held from); the others follow, folded, one click away."""
    stage = order.held_from or order.stage
    rendered = [
        RenderedSection(section, section.context(order, user), section.matters_in(stage))
        for section in sections()
        if section.shown(order)
    ]
    return sorted(rendered, key=lambda r: not r.current)


def _page_transitions(order: Order, user, next_transition, may_sign: bool) -> list[str]:
    """The Actions card's transitions: the step forward first, then the ones that need a
    reason (hold, cancel, return). In review the approval card is the one place to approve
    or reject: the chain's last signature approves the contract, and a signer's rejection
    returns it, so those transitions are not offered twice."""
    names = available_transitions(order, user)
    if order.stage == Stage.IN_REVIEW:
        names = [
            n for n in names if n != "approve" and not (may_sign and n == "return_for_changes")
        ]
    return sorted(
        names, key=lambda name: (name != next_transition, name in TRANSITIONS_NEEDING_REASON)
    )


def _unmet(gates: list[GateStatus] | None, order: Order, name: str) -> list:
    statuses = gates if gates is not None else gate_statuses(order, name)
    return [status.label for status in statuses if not status.met]


def _clearance_rows(order: Order, user) -> list[ClearanceRow]:
    recorded = {clearance.kind: clearance for clearance in order.clearances.all()}
    open_gate = order.stage in PAYMENT_GATE_OPEN_STAGES
    kinds = [*rules.payment_clearances_needed(order), Clearance.GM_EXCEPTION]
    return [
        ClearanceRow(
            kind=kind,
            label=Clearance(kind).label,
            record=recorded.get(kind),
            may_record=open_gate
            and kind not in recorded
            and has_role(user, *rules.CLEARANCE_ROLES[kind]),
            needs_reason=kind == Clearance.GM_EXCEPTION,
        )
        for kind in kinds
    ]
