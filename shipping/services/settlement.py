"""R21: payments, claims and deductions against an order (the daily overdue reminder is a
reminder source: shipping/reminders.py)."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.timeline import event_message
from shipping import permissions, rules
from shipping.choices import DeductionSource, PaymentKind, PaymentStatus, ShippingEvent
from shipping.models import Deduction, Payment
from shipping.services.common import ActionRefused, lock_order, record_event, refuse_unless


def _amount(amount) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("amounts are Decimal, never float")
    amount = Decimal(amount)
    if amount <= 0:
        raise ActionRefused(_("The amount must be more than zero."))
    return amount


def payment_record(
    *,
    order_id: int,
    user,
    kind: str,
    amount: Decimal,
    received_on: date,
    currency: str | None = None,
    reference: str = "",
    note: str = "",
) -> Payment:
    amount = _amount(amount)
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_record_payment(order, user), _("Only finance records payments.")
        )
        currency = currency or order.currency
        if currency != order.currency:
            raise ActionRefused(
                _("The order is in %(currency)s; record the payment in that currency.")
                % {"currency": order.currency}
            )
        payment = create_payment(
            order,
            user,
            kind=kind,
            amount=amount,
            received_on=received_on,
            reference=reference,
            note=note,
        )
    return payment


def r21_refuse_repeated_bank_reference(order, reference: str) -> None:
    """A bank reference is one remittance: recording it twice on the order would count the
    money twice. The refusal names the payment that already carries it."""
    if not reference:
        return
    existing = (
        order.payments.filter(reference__iexact=reference).select_related("recorded_by").first()
    )
    if existing is None:
        return
    recorded_by = existing.recorded_by
    raise ActionRefused(
        _(
            "Bank reference %(reference)s is already recorded on this order: %(payment)s "
            "received on %(date)s, recorded by %(person)s. Nothing was recorded a second time."
        )
        % {
            "reference": existing.reference,
            "payment": existing,
            "date": date_format(existing.received_on),
            "person": recorded_by.get_full_name() or recorded_by.get_username(),
        }
    )


def create_payment(
    order, user, *, kind: str, amount: Decimal, received_on: date, reference: str = "", note=""
) -> Payment:
    reference = (reference or "").strip()
    r21_refuse_repeated_bank_reference(order, reference)
    try:
        with transaction.atomic():
            payment = Payment.objects.create(
                order=order,
                kind=kind,
                amount=amount,
                currency=order.currency,
                received_on=received_on,
                reference=reference,
                note=(note or "").strip(),
                recorded_by=user,
            )
    except IntegrityError:
        # Only a writer that skipped the order's lock gets here; the constraint held.
        r21_refuse_repeated_bank_reference(order, reference)
        raise
    status = PaymentStatus(rules.balance(order).status).label
    record_event(
        order,
        kind=EventKind.PAYMENT,
        actor=user,
        action=ShippingEvent.PAYMENT_RECORDED,
        message=event_message(
            gettext_noop("%(kind)s %(amount)s (%(received_on)s) — %(status)s"),
            kind=PaymentKind(payment.kind).label,
            amount=payment.money,
            received_on=received_on,
            status=status,
        ),
    )
    return payment


def deduction_record(
    *,
    order_id: int,
    user,
    source: str,
    amount: Decimal,
    reason: str,
    source_reference: str = "",
) -> Deduction:
    """A claim or deduction with its reason; the complaints app calls this too."""
    amount = _amount(amount)
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give the reason for the deduction."))
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(permissions.can_record_deduction(order, user))
        deduction = Deduction.objects.create(
            order=order,
            source=source,
            amount=amount,
            currency=order.currency,
            reason=reason,
            source_reference=source_reference,
            recorded_by=user,
        )
        record_event(
            order,
            kind=EventKind.PAYMENT,
            actor=user,
            action=ShippingEvent.DEDUCTION_RECORDED,
            message=event_message(
                gettext_noop("%(source)s %(amount)s:"),
                source=DeductionSource(deduction.source).label,
                amount=deduction.money,
            ),
            comment=reason,
        )
    return deduction
