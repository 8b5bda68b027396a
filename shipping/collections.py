"""R21 in the database: what each order owes and how late it is, as columns of one query, so
lists and reminders read one row of figures per order instead of each order's lines, payments,
deductions and documents (the collections sum those rows by customer: selectors.collection_sums).

It is shipping.rules.balance's arithmetic: the total rounded to cents, less payments and
deductions; the balance due `due_days` after the B/L date (else the ex-factory date); a T/T
deposit due DEPOSIT_DUE_DAYS after the order date. An order is overdue from the earliest
instalment due before today that is not covered; its age is counted from that date. Dates are
compared with dates worked out here (today less so many days), never computed per row, so the
same filters hold on PostgreSQL and SQLite."""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Round

from orders.choices import PaymentTerms
from orders.models import Order, OrderLine
from shipping import rules
from shipping.choices import AGEING_BUCKETS, ExportDocumentKind
from shipping.models import Deduction, ExportDocument, Payment

MONEY = DecimalField(max_digits=18, decimal_places=4)
ZERO = Value(Decimal("0"), output_field=MONEY)
LINE_AMOUNT = F("quantity") * F("unit_price")


def _sum_of(model, expression) -> Subquery:
    rows = model.objects.filter(order=OuterRef("pk")).order_by().values("order")
    return Subquery(rows.annotate(total=Sum(expression, output_field=MONEY)).values("total"))


def with_money(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Each order's total, credited (paid + deducted), owed, deposit and base date."""

    bill = ExportDocument.objects.filter(
        order=OuterRef("pk"), kind=ExportDocumentKind.BILL_OF_LADING
    ).values("issued_on")[:1]
    return queryset.annotate(
        money_total=Round(Coalesce(_sum_of(OrderLine, F("quantity") * F("unit_price")), ZERO), 2),
        money_credited=Coalesce(_sum_of(Payment, F("amount")), ZERO)
        + Coalesce(_sum_of(Deduction, F("amount")), ZERO),
        money_base=Coalesce(Subquery(bill), F("ex_factory_date")),
    ).annotate(
        money_owed=F("money_total") - F("money_credited"),
        money_deposit=Round(F("money_total") * F("deposit_percent") / Value(Decimal(100)), 2),
    )


def owing(queryset: QuerySet[Order]) -> QuerySet[Order]:
    return with_money(queryset).filter(money_owed__gt=0)


def _due_on(lookup: str, day: date) -> Q:
    """The balance's due date (base date + the terms' days) compared with `day`."""
    found = Q(pk__in=[])
    for terms in PaymentTerms.values:
        shifted = day - timedelta(days=rules.due_days(terms))
        found |= Q(payment_terms=terms, **{f"money_base__{lookup}": shifted})
    return found


def _deposit_due(lookup: str, day: date) -> Q:
    return Q(**{f"order_date__{lookup}": day - timedelta(days=rules.DEPOSIT_DUE_DAYS)})


def deposit_late(today: date) -> Q:
    """The T/T deposit fell due before today and what was credited does not cover it."""
    return (
        Q(payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER, deposit_percent__gt=0)
        & _deposit_due("lt", today)
        & Q(money_deposit__gt=F("money_credited"))
    )


def overdue(today: date) -> Q:
    return deposit_late(today) | _due_on("lt", today)


# ---- R21's ageing buckets, as filters ------------------------------------------------------------
NOT_DUE = "not_due"


def aged_at_least(days: int, today: date) -> Q:
    """Overdue for `days` days or more (days >= 1): R21's age counts from the earliest
    instalment due before today that is not covered (rules.balance's days_overdue)."""
    day = today - timedelta(days=days)
    return (deposit_late(today) & _deposit_due("lte", day)) | _due_on("lte", day)


def in_bucket(key: str, today: date) -> Q:
    """The orders whose open balance falls in an ageing bucket (a label of AGEING_BUCKETS, or
    NOT_DUE for what is not due yet)."""

    if key == NOT_DUE:
        return ~overdue(today)
    low, high = next((low, high) for label, low, high in AGEING_BUCKETS if label == key)
    found = overdue(today) if low <= 1 else aged_at_least(low, today)
    if high is not None:
        found &= ~aged_at_least(high + 1, today)
    return found


def bucket_fields() -> dict[str, str]:
    """The name of each bucket's sum in collection_sums' rows ("not_due", "bucket_0", ...)."""

    keys = [NOT_DUE, *(label for label, _low, _high in AGEING_BUCKETS)]
    return {key: key if key == NOT_DUE else f"bucket_{n}" for n, key in enumerate(keys)}
