"""The rules of order changes, each under its name from DOMAIN.md (R8, R10, R14)."""

from types import SimpleNamespace

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders import rules as order_rules
from orders.changes.choices import PRODUCTION_ASPECTS
from orders.changes.diff import line_quantity
from orders.changes.fields import FIELD_SPECS, PAYMENT_TERM_FIELDS
from orders.choices import ApprovalStep, Decision, Stage

# From the contract's approval until the goods ship; before that the order is edited directly.
CHANGEABLE_STAGES = (Stage.APPROVED, Stage.IN_PRODUCTION, Stage.INSPECTION)
PRODUCTION_STAGES = (Stage.IN_PRODUCTION, Stage.INSPECTION)

# R8: a change is approved at the level that approved the original contract (the R10 chain);
# the merchandiser's signature is the request itself.
CHANGE_CHAIN = [
    ApprovalStep.DEPARTMENT_MANAGER,
    ApprovalStep.ADMINISTRATION,
    ApprovalStep.GENERAL_MANAGER,
]


def working_stage(order) -> str:
    """The stage the order works in: an order on hold keeps the stage it was held from."""
    return order.held_from if order.stage == Stage.ON_HOLD else order.stage


def r8_may_change(order) -> bool:
    """R8: a change request is raised from the contract's approval until the order ships."""
    return working_stage(order) in CHANGEABLE_STAGES


def r14_in_production(order) -> bool:
    return working_stage(order) in PRODUCTION_STAGES


def r14_needs_amendment(order, diff) -> bool:
    """R14: once production has started, a change to quantities, style data or dates is refused
    unless it is a contract amendment (合同修改單)."""
    return r14_in_production(order) and diff.touches(*PRODUCTION_ASPECTS)


R14_REFUSAL = _(
    "R14: the order is in production, so a change to quantities, style data or dates is "
    "refused in writing unless it is raised as a contract amendment (合同修改單). An amendment "
    "also needs the factory's production side to confirm in writing what is already cut or "
    "made, and no quantity may go below what is already produced or shipped."
)


def r14_floor_breaches(proposed_lines: list[dict], floors, colours: dict) -> list[str]:
    """R14: quantities can never go below what is already produced or shipped. Returns one
    message per breach; `colours` names the lines by id."""

    by_line = {line["id"]: line_quantity(line) for line in proposed_lines if line.get("id")}
    total = sum(line_quantity(line) for line in proposed_lines)
    breaches = []
    for floor in floors:
        proposed = total if floor.line_id is None else by_line.get(floor.line_id)
        if proposed is None or proposed >= floor.quantity:
            continue
        what = _("the order") if floor.line_id is None else colours.get(floor.line_id, "?")
        breaches.append(
            str(
                format_lazy(
                    _("{what} cannot go below {floor} pieces ({proposed} proposed): {reason}"),
                    what=what,
                    floor=floor.quantity,
                    proposed=proposed,
                    reason=floor.reason,
                )
            )
        )
    return breaches


# ---- R8 + R10: who approves a change --------------------------------------------------------


def original_signed_by_general_manager(order) -> bool:
    return any(
        a.step == ApprovalStep.GENERAL_MANAGER
        and a.decision == Decision.APPROVED
        and a.review_round == order.review_round
        for a in order.approvals.all()
    )


def contract_money(order, snapshot: dict, amount):
    """The money terms of a contract snapshot with its total: what R10's needs_general_manager
    and R11's payment rules read, for the order before or after a change."""
    fields = snapshot["fields"]
    return SimpleNamespace(
        commission=FIELD_SPECS["commission"].from_json(fields.get("commission")),
        payment_terms=fields.get("payment_terms") or order.payment_terms,
        deposit_percent=FIELD_SPECS["deposit_percent"].from_json(fields.get("deposit_percent")),
        currency=order.currency,
        total_amount=amount,
    )


def order_after(order, proposed: dict, diff):
    """The order's money as it would stand after the change."""
    return contract_money(order, proposed, diff.after.amount)


def general_manager_reasons(order, proposed: dict, diff, *, thresholds=None) -> list:
    """R8/R10: the general manager approves a change when they approved the original, when the
    order after the change needs them (amount over the threshold, prepayment, commission), or
    when the change touches the payment terms."""
    reasons = []
    if original_signed_by_general_manager(order):
        reasons.append(_("the general manager approved the original contract"))
    if any(diff.changed(key) for key in PAYMENT_TERM_FIELDS):
        reasons.append(_("the change touches the payment terms"))
    if order_rules.needs_general_manager(order_after(order, proposed, diff), thresholds=thresholds):
        reasons.append(
            _("after the change, its amount, prepayment or commission needs the general manager")
        )
    return reasons


def required_change_steps(order, proposed: dict, diff, *, thresholds=None) -> list[str]:
    steps = list(CHANGE_CHAIN)
    if not general_manager_reasons(order, proposed, diff, thresholds=thresholds):
        steps.remove(ApprovalStep.GENERAL_MANAGER)
    return steps


def style_changed_at(order):
    """When an applied change last touched the style data (None: as entered): what was approved
    before it, a PP sample above all, no longer matches (R4, R8)."""
    if not order.style_revision:
        return None
    change = order.change_requests.filter(applied_revision=order.style_revision).first()
    return change.applied_at if change is not None else None
