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

from django.db.models import Sum
from django.utils import timezone

from orders.models import Order, OrderLine
from orders.money import Money
from shipping.choices import DeductionSource, PaymentKind
from shipping.collections import with_money
from shipping.models import CommercialInvoice, Deduction, Payment
from shipping.statements.choices import LineKind

ZERO = Decimal("0")
CENT = Decimal("0.01")


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
    order_id: int
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


def order_totals(lines) -> dict[int, Decimal]:
    """Each order's total from its lines (an OrderLine queryset), summed in Decimal; the
    caller rounds it with Money as Order.total_amount does."""
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for order_id, quantity, unit_price in lines.values_list("order_id", "quantity", "unit_price"):
        totals[order_id] += (unit_price or ZERO) * quantity
    return totals


def _invoice_entries(customer, end: date) -> list[Entry]:
    """Each commercial invoice bills its order's total: the lines' amounts summed in Decimal
    and rounded to the cent, as Order.total_amount and shipping.rules.balance have it."""
    totals = order_totals(
        OrderLine.objects.filter(
            order__customer=customer, order__commercial_invoice__issued_on__lte=end
        )
    )
    invoices = CommercialInvoice.objects.filter(
        order__customer=customer, issued_on__lte=end
    ).values_list("order_id", "order__currency", "issued_on", "number")
    return [
        Entry(currency, LineKind.INVOICE, day, order_id, number,
              Money(totals[order_id], currency).rounded())
        for order_id, currency, day, number in invoices
    ]  # fmt: skip


# How a claim or deduction of the settlement reads on the statement (a complaint's is a claim).
_DEDUCTION_LINES = {
    DeductionSource.DEDUCTION: LineKind.DEDUCTION,
    DeductionSource.CREDIT_NOTE: LineKind.CREDIT_NOTE,
}


def _money_in_entries(customer, end: date) -> list[Entry]:
    """Payments received and claims or deductions recorded on the customer's orders."""
    payments = Payment.objects.filter(order__customer=customer, received_on__lte=end)
    entries = [
        Entry(currency, LineKind.PAYMENT, day, order_id,
              reference or str(PaymentKind(kind).label), -amount)
        for order_id, currency, day, reference, kind, amount in payments.values_list(
            "order_id", "currency", "received_on", "reference", "kind", "amount"
        )
    ]  # fmt: skip
    deductions = Deduction.objects.filter(order__customer=customer).values_list(
        "order_id", "currency", "recorded_at", "source", "reason", "amount"
    )
    for order_id, currency, recorded_at, source, reason, amount in deductions:
        day = timezone.localdate(recorded_at)
        if day <= end:
            kind = _DEDUCTION_LINES.get(source, LineKind.CLAIM)
            entries.append(Entry(currency, kind, day, order_id, reason[:80], -amount))
    return entries


def figures(customer, period: date) -> dict[str, CurrencyFigures]:
    """The statement of `customer` for the month starting `period`, per currency: three
    flat reads of shipping's rows, whatever the number of orders."""
    end = month_end(period)
    result: dict[str, CurrencyFigures] = {}
    for entry in _invoice_entries(customer, end) + _money_in_entries(customer, end):
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
            key=lambda entry: (entry.day, entry.kind != LineKind.INVOICE, entry.order_id)
        )
    return dict(sorted(result.items()))


def has_activity(rows: dict[str, CurrencyFigures]) -> bool:
    """Something to state: a line in the month, or a balance brought forward."""
    return any(row.lines or row.opening for row in rows.values())


def still_owed(customer, until: date) -> dict[str, Decimal]:
    """R31 and R20: what the customer still owes today, per currency, on the orders invoiced
    up to `until` (payments received since included): each order's owed as shipping's
    collections work it out in the database (shipping.rules.balance's arithmetic), summed."""

    orders = Order.objects.filter(customer=customer, commercial_invoice__issued_on__lte=until)
    rows = (
        with_money(orders)
        .filter(money_owed__gt=0)
        .values("currency")
        .annotate(owed=Sum("money_owed"))
        .order_by("currency")
    )
    return {row["currency"]: Decimal(row["owed"]).quantize(CENT) for row in rows}
