"""How the admin shows an order's stage and the approval it waits for, without a query per row."""

from django.db.models import Case, OuterRef, QuerySet, Subquery, Sum, Value, When
from django.utils.html import format_html

from orders.choices import (
    APPROVAL_CHAIN,
    STAGE_COLOURS,
    ApprovalStep,
    Decision,
    PaymentTerms,
    Stage,
)
from orders.models import Approval, ApprovalThreshold, Order

# The colour names of STAGE_COLOURS as background and readable text colour.
BADGE_PALETTE = {
    "grey": ("#6c757d", "#fff"),
    "blue": ("#0d6efd", "#fff"),
    "cyan": ("#0dcaf0", "#000"),
    "indigo": ("#6610f2", "#fff"),
    "orange": ("#fd7e14", "#000"),
    "teal": ("#20c997", "#000"),
    "green": ("#198754", "#fff"),
    "yellow": ("#ffc107", "#000"),
    "red": ("#dc3545", "#fff"),
}


def stage_badge(stage: str) -> str:
    background, text = BADGE_PALETTE.get(STAGE_COLOURS.get(stage, "grey"), BADGE_PALETTE["grey"])
    return format_html(
        '<span class="gendan-stage" style="background:{};color:{};padding:2px 8px;'
        'border-radius:10px;white-space:nowrap">{}</span>',
        background,
        text,
        Stage(stage).label,
    )


# Each step of the chain as a bit: the signatures of a round are one number.
STEP_BITS = {step: 1 << index for index, step in enumerate(APPROVAL_CHAIN)}


def has_signed(order: Order, step: str) -> bool:
    """The current round has this step's signature (read from annotate_review_state)."""
    return bool((order.signed_steps or 0) & STEP_BITS[step])


def annotate_review_state(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Which R10 signatures the current round has, and the GM threshold of the order's currency,
    as columns of the list query."""
    # One scalar subquery: the sum of the signed steps' bits (one approval per step and round,
    # one_approval_per_step_and_round). A subquery runs for the rows shown only, where an EXISTS
    # column may be planned as a hash of every approval in the database before the LIMIT; one
    # instead of one per step spares the planning and the probes of the other three.
    bits = Case(
        *(When(step=step, then=Value(bit)) for step, bit in STEP_BITS.items()), default=Value(0)
    )
    signed = (
        Approval.objects.filter(
            order=OuterRef("pk"),
            review_round=OuterRef("review_round"),
            decision=Decision.APPROVED,
        )
        .order_by()
        .values("order")
        .annotate(steps=Sum(bits))
        .values("steps")
    )
    threshold = ApprovalThreshold.objects.filter(currency=OuterRef("currency")).values("amount")
    return queryset.annotate(
        signed_steps=Subquery(signed[:1]), gm_threshold=Subquery(threshold[:1])
    )


def waiting_for(order: Order):
    """The next signature of the chain, read from annotate_review_state's columns.

    This mirrors rules.next_approval_step / rules.needs_general_manager, which query per order;
    tests/orders/test_admin.py checks that both agree."""
    if order.stage != Stage.IN_REVIEW:
        return None
    amount = getattr(order, "annotated_amount", None) or 0
    needs_general_manager = (
        order.commission
        or (order.payment_terms == PaymentTerms.TELEGRAPHIC_TRANSFER and order.deposit_percent > 0)
        or (order.gm_threshold is not None and amount > order.gm_threshold)
    )
    for step in APPROVAL_CHAIN:
        if step == ApprovalStep.GENERAL_MANAGER and not needs_general_manager:
            continue
        if not has_signed(order, step):
            return ApprovalStep(step).label
    return None
