from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders import notifications, rules
from orders.choices import (
    PAYMENT_GATE_OPEN_STAGES,
    ApprovalStep,
    Clearance,
    Decision,
    EventKind,
    Stage,
)
from orders.models import Approval, ContractCheck, Order, PaymentClearance
from orders.models.review import CONTRACT_CHECK_ITEMS
from orders.permissions import can_edit, can_see
from orders.roles import has_role
from orders.services.common import ActionRefused, lock_order, record_event, save_order
from orders.services.transitions import apply_transition_locked
from orders.timeline import event_message
from orders.uploads import upload_checked


def contract_check_update(
    *,
    order_id: int,
    user,
    items: dict[str, bool],
    customer_signed: bool,
    mismatches: str = "",
    signed_contract=None,
    version: int | None = None,
) -> ContractCheck:
    """R5: the merchandiser ticks what was checked on the customer's contract."""
    with transaction.atomic():
        order = lock_order(order_id, version)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not check this order's contract."))
        if order.stage != Stage.RECEIVED:
            raise ActionRefused(_("The contract can only be checked before it goes for review."))
        check, _created = ContractCheck.objects.get_or_create(order=order)
        for field, _label in CONTRACT_CHECK_ITEMS:
            setattr(check, field, bool(items.get(field)))
        check.customer_signed = customer_signed
        check.mismatches = mismatches
        if signed_contract is not None:
            check.signed_contract = upload_checked(signed_contract, "signed_copy")
        check.checked_by = user
        check.checked_at = timezone.now()
        check.save()
        save_order(order, update_fields=[])
        missing = list(check.unticked_items())
        record_event(
            order,
            kind=EventKind.CONTRACT_CHECK,
            actor=user,
            message=event_message(gettext_noop("Still to check: %(items)s"), items=missing)
            if missing
            else event_message(gettext_noop("All items checked.")),
        )
    return check


def approval_record(
    *, order_id: int, user, decision: str, comment: str = "", version: int | None = None
) -> Approval:
    """R10: the next signature of the chain. A rejection returns the order with the reason;
    the last required approval approves the contract."""
    comment = (comment or "").strip()
    if decision == Decision.REJECTED and not comment:
        raise ActionRefused(_("Please give the reason for the rejection."))
    with transaction.atomic():
        order = lock_order(order_id, version)
        step = _step_for(order, user)
        approval = Approval.objects.create(
            order=order,
            review_round=order.review_round,
            step=step,
            decision=decision,
            user=user,
            comment=comment,
        )
        kind = EventKind.APPROVAL if decision == Decision.APPROVED else EventKind.REJECTION
        record_event(
            order,
            kind=kind,
            actor=user,
            action=step,
            comment=comment,
            from_stage=order.stage,
            to_stage=order.stage,
        )
        if decision == Decision.REJECTED:
            apply_transition_locked(order, user, "return_for_changes", comment)
        elif rules.approval_chain_complete(order):
            apply_transition_locked(order, user, "approve")
        else:
            save_order(order, update_fields=[])
            notifications.approval_needed(order, rules.next_approval_step(order))
    return approval


def _step_for(order: Order, user) -> str:
    if order.stage != Stage.IN_REVIEW:
        raise ActionRefused(_("This order is not waiting for approval."))
    step = rules.next_approval_step(order)
    role = rules.APPROVAL_STEP_ROLE[step]
    if not has_role(user, role) or not can_see(order, user):
        raise ActionRefused(
            _("The order waits for: %(step)s. You cannot give that signature.")
            % {"step": ApprovalStep(step).label}
        )
    return step


def clearance_record(
    *,
    order_id: int,
    user,
    kind: str,
    reference: str = "",
    reason: str = "",
    version: int | None = None,
) -> PaymentClearance:
    """R11: record what opens the payment gate (L/C, deposit, credit approval, GM exception)."""
    reason = (reason or "").strip()
    if kind == Clearance.GM_EXCEPTION and not reason:
        raise ActionRefused(_("A general manager's exception needs a reason."))
    with transaction.atomic():
        order = lock_order(order_id, version)
        if not has_role(user, *rules.CLEARANCE_ROLES[kind]) or not can_see(order, user):
            raise ActionRefused(
                _("You may not record “%(what)s”.") % {"what": Clearance(kind).label}
            )
        if order.stage not in PAYMENT_GATE_OPEN_STAGES:
            raise ActionRefused(_("The payment gate is only open before production starts."))
        if order.clearances.filter(kind=kind).exists():
            raise ActionRefused(
                _("“%(what)s” is already recorded.") % {"what": Clearance(kind).label}
            )
        clearance = PaymentClearance.objects.create(
            order=order,
            kind=kind,
            user=user,
            reference=reference,
            reason=reason,
            amount=rules.r11_amount_secured(order, kind),
        )
        save_order(order, update_fields=[])
        record_event(
            order,
            kind=EventKind.PAYMENT,
            actor=user,
            action=kind,
            comment=" ".join(part for part in (reference, reason) if part),
        )
    return clearance
