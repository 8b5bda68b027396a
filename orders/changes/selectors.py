"""Reads of the change requests: the request's page, the order's section and who must act next
(the home page and the reminders digest)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from orders.changes import rules
from orders.changes.choices import (
    CHANGE_TRANSITION_LABELS,
    OPEN_CHANGE_STATUSES,
    ChangeStatus,
    FactoryAnswer,
)
from orders.changes.common import is_stale, unmet_conditions
from orders.changes.registry import ChangeContext, impacts
from orders.choices import ApprovalStep, Decision
from orders.models import ApprovalThreshold, ChangeRequest, Order
from orders.permissions import can_drive_change, can_edit
from orders.reminders.registry import Reach, ReminderItem
from orders.reminders.selection import users_by_role
from orders.roles import has_role
from orders.rules import APPROVAL_STEP_ROLE
from orders.visibility import visible, visible_orders

# A step of a change request that waits longer than this goes into the reminders digest.
CHANGE_STEP_DAYS = 3


JOINS = ("order__customer", "order__factory", "order__merchandiser", "raised_by")


def visible_changes(user) -> QuerySet[ChangeRequest]:
    """The change requests of the orders this user sees: every change view looks them up here."""
    return ChangeRequest.objects.filter(order__in=visible_orders(user)).select_related(*JOINS)


def change_detail(user, pk: int) -> ChangeRequest:
    """The change request with its order; Http404 unless this user sees it."""
    return visible(ChangeRequest.objects.select_related(*JOINS), user, pk)


@dataclass
class ChainStep:
    step: str
    label: object
    approval: object
    is_next: bool


@dataclass
class ChangePage:
    change: ChangeRequest
    diff: object
    impacts: list
    stale: bool
    chain: list[ChainStep]
    general_manager_reasons: list
    next_step: str | None
    may_drive: bool
    may_sign: bool
    may_edit: bool
    unmet: dict = field(default_factory=dict)
    approvals: list = field(default_factory=list)
    amendment_lines: list = field(default_factory=list)
    in_production: bool = False
    production_rows: list = field(default_factory=list)
    close_actions: list = field(default_factory=list)


def change_page(change: ChangeRequest, user) -> ChangePage:
    order = change.order
    diff = change.diff()
    stale = is_stale(order, change)
    approvals = list(change.approvals.select_related("user"))
    signed = {
        a.step: a
        for a in approvals
        if a.round == change.approval_round and a.decision == Decision.APPROVED
    }
    required = change.required_steps()
    next_step = next((step for step in required if step not in signed), None)
    waiting_signature = change.status == ChangeStatus.CUSTOMER_CONFIRMED
    may_drive = change.is_open and can_drive_change(change, user)
    return ChangePage(
        change=change,
        diff=diff,
        impacts=_impacts(change, diff),
        stale=stale,
        chain=[
            ChainStep(
                step,
                ApprovalStep(step).label,
                signed.get(step),
                waiting_signature and step == next_step,
            )
            for step in required
        ],
        general_manager_reasons=rules.general_manager_reasons(order, change.proposed, diff),
        next_step=next_step,
        may_drive=may_drive,
        may_sign=waiting_signature
        and next_step is not None
        and has_role(user, APPROVAL_STEP_ROLE[next_step]),
        may_edit=may_drive and change.status == ChangeStatus.DRAFT,
        unmet={
            name: unmet_conditions(change, name)
            for name in ("send_to_factory", "confirm_customer", "apply")
        },
        approvals=approvals,
        amendment_lines=[line for line in change.base["lines"] if line["quantity"]]
        if change.is_amendment
        else [],
        in_production=rules.r14_in_production(order),
        close_actions=close_actions(change, user),
        production_rows=[
            (line["colour"], figures.get("cut", 0), figures.get("made", 0))
            for line in change.base["lines"]
            if (figures := change.production_figures.get(str(line["id"])))
        ],
    )


def close_actions(change: ChangeRequest, user) -> list[tuple[str, object]]:
    """Refuse, withdraw, back to draft: those this user may take from the request's status."""
    actions = []
    for name in ("reopen", "withdraw", "refuse"):
        meta = getattr(type(change), name)._django_fsm
        if meta.has_transition(change.status) and meta.has_transition_perm(
            change, change.status, user
        ):
            actions.append((name, CHANGE_TRANSITION_LABELS[name]))
    return actions


def _impacts(change: ChangeRequest, diff) -> list[tuple]:
    """(area, what, who) rows: as they stood when applied, once the request is applied."""
    if change.status == ChangeStatus.APPLIED:
        languages = change.applied_record.get("languages", {})
        recorded = languages.get(get_language()) or next(iter(languages.values()), {})
        return [tuple(row) for row in recorded.get("impacts", [])]
    context = ChangeContext(change.order, change, diff, extra=change.proposed.get("extra", {}))
    return [(item.area_label, item.text, item.who) for item in impacts(context)]


def applied_summary(change: ChangeRequest) -> str:
    """What an applied change changed, in the reader's language, as it was recorded then."""
    languages = change.applied_record.get("languages", {})
    recorded = languages.get(get_language()) or next(iter(languages.values()), {})
    parts = [
        f"{label}: {before} → {after}"
        for label, before, after, _aspect in recorded.get("fields", [])
    ]
    for line in change.applied_record.get("lines", []):
        before, after = line["quantity"]
        if before != after:
            parts.append(f"{line['colour']}: {before} → {after}")
    quantity = change.applied_record.get("totals", {}).get("quantity")
    if quantity and quantity[0] != quantity[1]:
        parts.append(f"Σ {quantity[0]} → {quantity[1]}")
    return "; ".join(parts)


def order_changes_section(order: Order, user) -> dict:
    """The order page's "Change requests" section: every request, and the way to raise one."""
    changes = list(order.change_requests.select_related("raised_by", "applied_by"))
    applied = sorted(
        (c for c in changes if c.status == ChangeStatus.APPLIED),
        key=lambda c: -(c.applied_revision or 0),
    )
    return {
        "changes": changes,
        "revisions": [(change, applied_summary(change)) for change in applied],
        "may_raise": rules.r8_may_change(order) and can_edit(order, user),
        "in_production": rules.r14_in_production(order),
    }


@dataclass(frozen=True)
class WaitingChange:
    change: ChangeRequest
    what: object


def next_action(change: ChangeRequest, thresholds=None) -> tuple[str | None, object]:
    """Who acts next on an open request, and what they do: (the role of the R10 step that must
    sign, or None for the order's merchandiser; the label). `thresholds`
    (ApprovalThreshold.amounts) when deciding for many requests."""
    if change.status == ChangeStatus.CUSTOMER_CONFIRMED:
        step = change.next_step(thresholds=thresholds)
        return APPROVAL_STEP_ROLE[step] if step else None, ApprovalStep(step).label if step else ""
    if change.status == ChangeStatus.DRAFT:
        return None, _("Send the change notice to the factory")
    if change.status == ChangeStatus.SENT_TO_FACTORY:
        if change.factory_answer == FactoryAnswer.AGREED:
            return None, _("Record the customer's confirmation")
        if change.factory_answer == FactoryAnswer.REFUSED:
            return None, _("The factory refused: revise or withdraw the change")
        return None, _("Waiting for the factory's answer")
    return None, _("Apply the change")


def waiting_what(change: ChangeRequest, user):
    """What this user must do next on an open request, or None when it waits for someone else."""
    role, what = next_action(change)
    if role is not None:
        return what if has_role(user, role) else None
    if change.order.merchandiser_id != user.pk or not can_drive_change(change, user):
        return None
    return what


def changes_waiting_for(user) -> list[WaitingChange]:
    changes = (
        visible_changes(user)
        .filter(status__in=OPEN_CHANGE_STATUSES)
        .prefetch_related("approvals", "order__approvals")
        .order_by("status_since", "id")
    )
    items = []
    for change in changes:
        what = waiting_what(change, user)
        if what is not None:
            items.append(WaitingChange(change, what))
    return items


def collect_waiting_changes(today: date, reach: Reach | None = None) -> list:
    """R8 in the reminders digest: a request that has waited in its step longer than
    CHANGE_STEP_DAYS, to whoever must act (the merchandiser, or the people of the role whose
    signature is next). With `reach` (one reader's page): the requests of the merchandisers
    reached (the escalating ones' only once overdue past the limit) and those waiting for a
    signature, whose signer is known only once read."""

    changes = ChangeRequest.objects.filter(
        status__in=OPEN_CHANGE_STATUSES,
        status_since__date__lte=today - timedelta(days=CHANGE_STEP_DAYS),
    )
    if reach is not None:
        step = timedelta(days=CHANGE_STEP_DAYS)
        changes = changes.filter(
            Q(status=ChangeStatus.CUSTOMER_CONFIRMED)
            | Q(order__merchandiser_id__in=reach.own)
            | Q(
                order__merchandiser_id__in=reach.escalating,
                status_since__date__lt=reach.escalates_before - step,
            )
        )
    changes = list(
        changes.select_related("order").prefetch_related("approvals", "order__approvals")
    )
    thresholds = ApprovalThreshold.amounts()
    waiting = [(change, *next_action(change, thresholds)) for change in changes]
    people = users_by_role({role for _change, role, _what in waiting if role})
    items = []
    for change, role, what in waiting:
        due = timezone.localdate(change.status_since) + timedelta(days=CHANGE_STEP_DAYS)
        for user_id in people.get(role, []) if role else [change.order.merchandiser_id]:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=change.order_id,
                    order_label=f"{change.order.po_number} / {change.order.style_no}",
                    title=format_lazy(_("{change}: {what}"), change=change.label, what=what),
                    due=due,
                    source="change_request",
                    overdue_days=max((today - due).days, 0),
                )
            )
    return items
