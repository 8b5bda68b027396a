"""R20: the salesperson's guarantee and the general manager's exception. Each locks the order,
checks who may, and records who, when and why on the order's timeline."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.choices import PAYMENT_GATE_OPEN_STAGES, EventKind
from orders.credit import permissions
from orders.credit.choices import CreditEvent, GuaranteeStatus
from orders.credit.models import CreditException, CreditGuarantee
from orders.services.common import ActionRefused, lock_order, lock_row, record_event, save_order

# Before approval: the gate is on the contract's approval.
OPEN_STAGES = PAYMENT_GATE_OPEN_STAGES[:2]


def _required(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ActionRefused(message)
    return text


def _refuse_unless_open(order) -> None:
    if order.stage not in OPEN_STAGES:
        raise ActionRefused(_("The credit gate is only open before the contract is approved."))


def guarantee_give(*, order_id: int, user, note: str) -> CreditGuarantee:
    """The customer's salesperson guarantees the order (or the merchandiser records it)."""
    note = _required(note, _("Please say why the salesperson guarantees the order."))
    with transaction.atomic():
        order = lock_order(order_id)
        _refuse_unless_open(order)
        if order.customer.salesperson_id is None:
            raise ActionRefused(
                _("%(customer)s has no salesperson: a manager sets one in the admin.")
                % {"customer": order.customer}
            )
        if not permissions.can_give_guarantee(order, user):
            raise ActionRefused(_("Only the salesperson or the order's merchandiser records it."))
        try:
            with transaction.atomic():
                guarantee = CreditGuarantee.objects.create(
                    order=order,
                    salesperson=order.customer.salesperson,
                    note=note,
                    recorded_by=user,
                )
        except IntegrityError as twice:
            raise ActionRefused(_("A guarantee already waits for a manager.")) from twice
        save_order(order, update_fields=[])
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=CreditEvent.GUARANTEE_GIVEN,
            comment=f"{guarantee.salesperson}: {note}",
        )
    return guarantee


def _decide(guarantee_id: int, user, name: str, comment: str) -> CreditGuarantee:
    order_id = CreditGuarantee.objects.values_list("order_id", flat=True).get(pk=guarantee_id)
    with transaction.atomic():
        order = lock_order(order_id)
        guarantee = lock_row(CreditGuarantee, pk=guarantee_id)
        guarantee.order = order
        if guarantee.status != GuaranteeStatus.REQUESTED:
            raise ActionRefused(_("This guarantee was already decided."))
        if not permissions.can_decide_guarantee(guarantee, user):
            raise ActionRefused(
                _("A manager other than the salesperson approves or refuses the guarantee.")
            )
        getattr(guarantee, name)(comment)
        guarantee.decided_by, guarantee.decided_at = user, timezone.now()
        guarantee.save()
        save_order(order, update_fields=[])
        approved = name == "approve"
        record_event(
            order,
            kind=EventKind.APPROVAL if approved else EventKind.REJECTION,
            actor=user,
            action=CreditEvent.GUARANTEE_APPROVED if approved else CreditEvent.GUARANTEE_REFUSED,
            comment=comment,
        )
    return guarantee


def guarantee_approve(*, guarantee_id: int, user, comment: str = "") -> CreditGuarantee:
    return _decide(guarantee_id, user, "approve", (comment or "").strip())


def guarantee_refuse(*, guarantee_id: int, user, reason: str) -> CreditGuarantee:
    reason = _required(reason, _("Please give the reason for the refusal."))
    return _decide(guarantee_id, user, "refuse", reason)


def credit_exception_grant(*, order_id: int, user, reason: str) -> CreditException:
    """R20: the general manager lets the order through the credit gate, with the reason."""
    reason = _required(reason, _("A general manager's exception needs a reason."))
    with transaction.atomic():
        order = lock_order(order_id)
        _refuse_unless_open(order)
        if not permissions.can_grant_exception(order, user):
            raise ActionRefused(_("Only the general manager grants a credit exception."))
        if order.credit_exceptions.exists():
            raise ActionRefused(_("The general manager's exception is already recorded."))
        exception = CreditException.objects.create(order=order, granted_by=user, reason=reason)
        save_order(order, update_fields=[])
        record_event(
            order, kind=EventKind.APPROVAL, actor=user, action=CreditEvent.EXCEPTION, comment=reason
        )
    return exception
