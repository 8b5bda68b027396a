"""The business rules of the review stage, each under its name from DOMAIN.md."""

from decimal import ROUND_HALF_UP, Decimal

from orders.choices import (
    APPROVAL_CHAIN,
    ApprovalStep,
    Clearance,
    Decision,
    PaymentTerms,
)
from orders.models.review import ApprovalThreshold  # not orders.models: its changes use us
from orders.roles import Role

# ---- R5: contract check before distribution -----------------------------------------------


def contract_check_complete(order) -> bool:
    """R5: every item of the contract is ticked and the customer's signature is present."""
    check = getattr(order, "contract_check", None)
    return check is not None and not check.unticked_items() and check.customer_signed


# ---- R10: contract review chain -------------------------------------------------------------

# Who may give each signature of the chain.
APPROVAL_STEP_ROLE = {
    ApprovalStep.MERCHANDISER: Role.MERCHANDISER,
    ApprovalStep.DEPARTMENT_MANAGER: Role.DEPARTMENT_MANAGER,
    ApprovalStep.ADMINISTRATION: Role.ADMINISTRATION,
    ApprovalStep.GENERAL_MANAGER: Role.GENERAL_MANAGER,
}


def needs_general_manager(order, *, thresholds: dict | None = None) -> bool:
    """R10: large amounts, prepayment or commission terms need the general manager.
    `thresholds` (ApprovalThreshold.amounts) when deciding for many: read here otherwise."""

    if order.commission:
        return True
    if order.payment_terms == PaymentTerms.TELEGRAPHIC_TRANSFER and order.deposit_percent > 0:
        return True
    if thresholds is None:
        threshold = ApprovalThreshold.amount_for(order.currency)
    else:
        threshold = thresholds.get(order.currency)
    return threshold is not None and order.total_amount.amount > threshold


def required_approval_steps(order) -> list[str]:
    steps = list(APPROVAL_CHAIN)
    if not needs_general_manager(order):
        steps.remove(ApprovalStep.GENERAL_MANAGER)
    return steps


def approved_steps(order) -> set[str]:
    # Reads order.approvals.all() so that a page which prefetched them asks nothing more.
    return {
        approval.step
        for approval in order.approvals.all()
        if approval.review_round == order.review_round and approval.decision == Decision.APPROVED
    }


def next_approval_step(order) -> str | None:
    """R10: the signatures come in the chain's order; this is the one the order waits for."""
    done = approved_steps(order)
    for step in required_approval_steps(order):
        if step not in done:
            return step
    return None


def approval_chain_complete(order) -> bool:
    return order.review_round > 0 and next_approval_step(order) is None


# ---- R11: payment gate before production ----------------------------------------------------


def payment_clearances_needed(order) -> list[str]:
    """R11: what opens the gate for these payment terms (a GM exception opens any)."""
    if order.payment_terms == PaymentTerms.LETTER_OF_CREDIT:
        return [
            Clearance.LC_RECEIVED,
            Clearance.LC_CHECKED_BY_MERCHANDISER,
            Clearance.LC_CHECKED_BY_DOCUMENTS,
        ]
    if order.payment_terms == PaymentTerms.TELEGRAPHIC_TRANSFER and order.deposit_percent > 0:
        return [Clearance.DEPOSIT_CONFIRMED]
    # Open account, D/A, D/P and T/T without deposit: goods made on credit.
    return [Clearance.CREDIT_APPROVED]


def payment_gate_met(order) -> bool:
    given = {clearance.kind for clearance in order.clearances.all()}
    if Clearance.GM_EXCEPTION in given:
        return True
    return all(kind in given for kind in payment_clearances_needed(order))


def r11_amount_secured(order, kind: str) -> Decimal:
    """R11: what a clearance secures: the deposit for a confirmed deposit, the order's total for
    an L/C, a credit approval or the general manager's exception."""
    total = Decimal(order.total_amount.amount)
    if kind == Clearance.DEPOSIT_CONFIRMED:
        total = total * Decimal(order.deposit_percent or 0) / Decimal(100)
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def r11_clearances_outgrown(order, after, before=None) -> list:
    """R8 + R11: the clearances that secured less than the order needs after a change (a
    deposit confirmed for a smaller order, an L/C for a smaller amount): the gate re-opens."""
    outgrown = []
    for clearance in order.clearances.all():
        secured = clearance.amount
        if secured is None:
            secured = r11_amount_secured(before or order, clearance.kind)
        if secured < r11_amount_secured(after, clearance.kind):
            outgrown.append(clearance)
    return outgrown


# Who may record each clearance.
CLEARANCE_ROLES = {
    Clearance.LC_RECEIVED: (Role.FINANCE, Role.MERCHANDISER),
    Clearance.LC_CHECKED_BY_MERCHANDISER: (Role.MERCHANDISER,),
    Clearance.LC_CHECKED_BY_DOCUMENTS: (Role.ADMINISTRATION,),
    Clearance.DEPOSIT_CONFIRMED: (Role.FINANCE,),
    Clearance.CREDIT_APPROVED: (Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER),
    Clearance.GM_EXCEPTION: (Role.GENERAL_MANAGER,),
}
