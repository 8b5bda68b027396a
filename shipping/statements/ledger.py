"""R31's figures, read from shipping's settlement and nowhere else: an order's commercial
invoice bills its total as shipping.rules.balance rounds it, its payments and its claims and
deductions take off their amounts. Each entry is dated (the invoice date, the day the money was
received, the day the claim or deduction was recorded), so a month's statement is the entries
dated in the month, between the balance brought forward from the entries before it and the
balance carried to the next month. Summed over an order, the entries are the order's total less
what was paid and deducted: the settlement figures already on the order."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from orders.models import Order
from shipping import rules
from shipping.choices import DeductionSource
from shipping.statements.choices import LineKind

ZERO = Decimal("0")


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(period: date) -> date:
    return (period.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def previous_month(day: date) -> date:
    return month_start(month_start(day) - timedelta(days=1))


@dataclass(frozen=True)
class Entry:
    currency: str
    kind: str
    day: date
    order: Order
    reference: str
    amount: Decimal  # signed: an invoice adds to what is owed, the others take off


@dataclass
class CurrencyFigures:
    currency: str
    opening: Decimal = ZERO
    invoiced: Decimal = ZERO
    received: Decimal = ZERO
    deducted: Decimal = ZERO
    lines: list[Entry] = field(default_factory=list)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.invoiced - self.received - self.deducted


def customer_orders(customer):
    """The customer's orders with what the settlement reads, fetched at once."""
    return (
        Order.objects.filter(customer=customer)
        .select_related("commercial_invoice")
        .prefetch_related("lines", "payments", "deductions", "export_documents")
        .order_by("id")
    )


def order_entries(order) -> list[Entry]:
    """The order's entries, from the invoice, payments and deductions shipping keeps."""
    entries = []
    invoice = rules_invoice(order)
    if invoice is not None:
        total = rules.balance(order).total.amount
        entries.append(
            Entry(order.currency, LineKind.INVOICE, invoice.issued_on, order, invoice.number, total)
        )
    for payment in order.payments.all():
        entries.append(
            Entry(
                payment.currency,
                LineKind.PAYMENT,
                payment.received_on,
                order,
                payment.reference or payment.get_kind_display(),
                -payment.amount,
            )
        )
    for deduction in order.deductions.all():
        kind = (
            LineKind.DEDUCTION if deduction.source == DeductionSource.DEDUCTION else LineKind.CLAIM
        )
        entries.append(
            Entry(
                deduction.currency,
                kind,
                timezone.localdate(deduction.recorded_at),
                order,
                deduction.reason[:80],
                -deduction.amount,
            )
        )
    return entries


def rules_invoice(order):
    """The order's commercial invoice, read from what customer_orders fetched, or None."""
    return order.commercial_invoice if rules.has_related(order, "commercial_invoice") else None


def figures(customer, period: date) -> dict[str, CurrencyFigures]:
    """The statement of `customer` for the month starting `period`, per currency."""
    end = month_end(period)
    result: dict[str, CurrencyFigures] = {}
    for order in customer_orders(customer):
        for entry in order_entries(order):
            if entry.day > end:
                continue
            row = result.setdefault(entry.currency, CurrencyFigures(entry.currency))
            if entry.day < period:
                row.opening += entry.amount
                continue
            row.lines.append(entry)
            if entry.kind == LineKind.INVOICE:
                row.invoiced += entry.amount
            elif entry.kind == LineKind.PAYMENT:
                row.received -= entry.amount
            else:
                row.deducted -= entry.amount
    for row in result.values():
        row.lines.sort(
            key=lambda entry: (entry.day, entry.kind != LineKind.INVOICE, entry.order.pk)
        )
    return dict(sorted(result.items()))


def has_activity(rows: dict[str, CurrencyFigures]) -> bool:
    """Something to state: a line in the month, or a balance brought forward."""
    return any(row.lines or row.opening for row in rows.values())


def invoiced_orders(customer, until: date) -> list[Order]:
    """The customer's orders invoiced on or before `until`: what a statement to then bills."""
    return [
        order
        for order in customer_orders(customer)
        if (invoice := rules_invoice(order)) is not None and invoice.issued_on <= until
    ]


def still_owed(customer, until: date) -> dict[str, Decimal]:
    """R31 and R20: what the customer still owes today, per currency, on the orders invoiced
    up to `until` (shipping.rules.balance's owed, payments received since included)."""
    owed: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for order in invoiced_orders(customer, until):
        balance = rules.balance(order)
        if not balance.settled:
            owed[order.currency] += balance.owed.amount
    return dict(owed)
