"""What the settlement does when something happens elsewhere on the order's timeline."""

from django.utils import timezone
from django.utils.translation import gettext as _

from orders.choices import Clearance
from orders.timeline import register_event_listener
from shipping import rules
from shipping.choices import PaymentKind
from shipping.services.settlement import payment_record


def record_confirmed_deposit(event) -> None:
    """R11 → R21: finance confirming the T/T deposit at the production gate is the deposit
    received, so the settlement counts it and collections do not show it as owing. After a
    change made the order bigger (R8), the confirmation again records only what was missing."""
    order = event.order
    deposit = next(iter(rules.instalments(order, order.total_amount.amount)), None)
    if deposit is None or deposit.kind != PaymentKind.DEPOSIT:
        return
    received = sum(p.amount for p in order.payments.filter(kind=PaymentKind.DEPOSIT))
    missing = deposit.amount - received
    if missing <= 0:
        return
    payment_record(
        order_id=order.pk,
        user=event.actor,
        kind=PaymentKind.DEPOSIT,
        amount=missing,
        received_on=timezone.localdate(event.at),
        reference=event.comment[:80],
        note=_("Confirmed by finance at the production payment gate (R11)."),
    )


def register_listeners() -> None:
    register_event_listener(Clearance.DEPOSIT_CONFIRMED, record_confirmed_deposit)
