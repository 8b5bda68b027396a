"""A claim against the factory for a complaint that was the factory's fault. It lands in the
order's settlement as a shipping Deduction, through shipping's own service."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from complaints import permissions, rules
from complaints.choices import ComplaintEvent
from complaints.models import Complaint, FactoryClaim
from complaints.services.common import EventKind, record_event, refuse, refuse_unless
from orders.services.common import lock_with_order
from shipping.choices import DeductionSource
from shipping.services import deduction_record


def factory_claim_raise(*, complaint_id: int, user, amount: Decimal, reason: str) -> FactoryClaim:
    reason = (reason or "").strip()
    refuse(None if reason else _("Please give the reason for the claim."))
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        order = complaint.order
        refuse(rules.r16_claim_refusal(complaint))
        refuse_unless(
            permissions.can_raise_claim(order, user),
            _("Only finance or a manager raises a claim against the factory."),
        )
        deduction = deduction_record(
            order_id=order.pk,
            user=user,
            source=DeductionSource.COMPLAINT,
            amount=amount,
            reason=f"{complaint.number} · {order.factory}: {reason}",
            source_reference=f"complaints.Complaint:{complaint.pk}",
        )
        claim = FactoryClaim.objects.create(
            complaint=complaint,
            factory=order.factory,
            amount=deduction.amount,
            currency=deduction.currency,
            reason=reason,
            deduction=deduction,
            raised_by=user,
        )
        record_event(
            order,
            kind=EventKind.PAYMENT,
            actor=user,
            action=ComplaintEvent.FACTORY_CLAIM,
            comment=f"{complaint.number} → {order.factory}: {claim.money} ({reason})",
        )
    return claim
