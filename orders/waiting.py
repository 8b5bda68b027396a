"""What waits for a user on the home page ("Waiting for me"), as a filter the database applies:
the contract check of a received order (R5), the next signature of the chain (R10), the
payment clearances of an approved order (R11). It is the same test as rules.next_approval_step
and rules.payment_clearances_needed, so the home can show the first rows and count the rest
without loading every order that might be waiting."""

from django.db.models import F, OuterRef, Q, Subquery

from orders import rules
from orders.choices import APPROVAL_CHAIN, ApprovalStep, Clearance, Decision, PaymentTerms, Stage
from orders.models import Approval, ApprovalThreshold, ContractCheck, PaymentClearance
from orders.models.review import CONTRACT_CHECK_ITEMS
from orders.roles import Role, has_role

NOTHING = Q(pk__in=[])


# Each test is the set of orders, in the one stage where it is asked, that have the row: read
# once through the order's stage (the open orders), never over the approvals and clearances of
# every order kept. A correlated EXISTS inside the OR below is planned as a hash of the whole
# table (e.g. every approval ever signed for a step).


def _signed(step: str) -> Q:
    return Q(
        pk__in=Approval.objects.filter(
            order__stage=Stage.IN_REVIEW,
            review_round=F("order__review_round"),
            step=step,
            decision=Decision.APPROVED,
        ).values("order_id")
    )


def _cleared(kind: str) -> Q:
    return Q(
        pk__in=PaymentClearance.objects.filter(order__stage=Stage.APPROVED, kind=kind).values(
            "order_id"
        )
    )


def _contract_checked() -> Q:
    ticked = {field: True for field, _label in CONTRACT_CHECK_ITEMS}
    return Q(
        pk__in=ContractCheck.objects.filter(
            order__stage=Stage.RECEIVED, customer_signed=True, **ticked
        ).values("order_id")
    )


DEPOSIT_TERMS = Q(payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER, deposit_percent__gt=0)
TERMS_NEEDING = {
    # rules.payment_clearances_needed, kind by kind.
    Clearance.LC_RECEIVED: Q(payment_terms=PaymentTerms.LETTER_OF_CREDIT),
    Clearance.LC_CHECKED_BY_MERCHANDISER: Q(payment_terms=PaymentTerms.LETTER_OF_CREDIT),
    Clearance.LC_CHECKED_BY_DOCUMENTS: Q(payment_terms=PaymentTerms.LETTER_OF_CREDIT),
    Clearance.DEPOSIT_CONFIRMED: DEPOSIT_TERMS,
    Clearance.CREDIT_APPROVED: ~Q(payment_terms=PaymentTerms.LETTER_OF_CREDIT) & ~DEPOSIT_TERMS,
}


def with_gm_threshold(queryset):
    """The columns needs_general_manager_q reads (the orders must carry annotate_totals)."""
    threshold = ApprovalThreshold.objects.filter(currency=OuterRef("currency")).values("amount")
    return queryset.alias(waiting_gm_threshold=Subquery(threshold[:1]))


def needs_general_manager_q() -> Q:
    """rules.needs_general_manager as a filter."""
    return Q(commission=True) | DEPOSIT_TERMS | Q(annotated_amount__gt=F("waiting_gm_threshold"))


def waiting_q(user) -> Q:
    """The orders (of those the user sees) where the user can give the next step now."""
    found = NOTHING
    if has_role(user, Role.MERCHANDISER):
        found |= Q(stage=Stage.RECEIVED) & ~_contract_checked()
    earlier = Q(stage=Stage.IN_REVIEW)
    for step in APPROVAL_CHAIN:
        if has_role(user, rules.APPROVAL_STEP_ROLE[step]):
            next_here = earlier & ~_signed(step)
            if step == ApprovalStep.GENERAL_MANAGER:
                next_here &= needs_general_manager_q()
            found |= next_here
        earlier &= _signed(step)
    missing = NOTHING
    for kind, terms in TERMS_NEEDING.items():
        if has_role(user, *rules.CLEARANCE_ROLES[kind]):
            missing |= terms & ~_cleared(kind)
    if missing is not NOTHING:
        found |= Q(stage=Stage.APPROVED) & ~_cleared(Clearance.GM_EXCEPTION) & missing
    return found
