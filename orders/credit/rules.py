"""R20 credit: a non-monthly customer's order passes when a remittance covers it, or when the
open balance plus this order stays within the credit limit, or with a salesperson's guarantee a
manager approved; a monthly customer must have cleared last month's statement. The general
manager's exception, with its reason, lets any order through."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from orders.choices import Settlement, Stage
from orders.credit.choices import GuaranteeStatus
from orders.models import Order
from orders.money import Money

# Orders whose value the customer owes or will owe: approved and not yet settled or cancelled.
COMMITTED_STAGES = (
    Stage.APPROVED,
    Stage.IN_PRODUCTION,
    Stage.INSPECTION,
    Stage.SHIPPING,
    Stage.ON_HOLD,
)


@dataclass(frozen=True)
class CreditCondition:
    code: str
    label: str  # with the figures that decide it
    met: bool | None  # None: Gendan cannot check it
    cleared_by: str


@dataclass(frozen=True)
class CreditStatus:
    conditions: list[CreditCondition]
    exception: object | None  # the general manager's CreditException, if given

    @property
    def met(self) -> bool:
        return self.exception is not None or any(c.met for c in self.conditions)

    @property
    def holding(self) -> list[CreditCondition]:
        return [condition for condition in self.conditions if condition.met]


def r20_applies(order) -> bool:
    """Only customers sold on credit: with a limit, or settling on a monthly statement."""
    customer = order.customer
    return customer.credit_limit is not None or customer.settlement == Settlement.MONTHLY


def _owed(order) -> Decimal:
    paid = sum((p.amount for p in order.payments.all()), Decimal("0"))
    deducted = sum((d.amount for d in order.deductions.all()), Decimal("0"))
    return max(Decimal(order.total_amount.amount) - paid - deducted, Decimal("0"))


def r20_open_balance(customer, currency: str, *, excluding=None) -> Decimal:
    """What the customer owes or will owe on its approved, unsettled orders in `currency`."""

    orders = (
        Order.objects.filter(customer=customer, currency=currency, stage__in=COMMITTED_STAGES)
        .exclude(pk=getattr(excluding, "pk", None))
        .prefetch_related("lines", "payments", "deductions")
    )
    return sum((_owed(order) for order in orders), Decimal("0"))


def r20_remittance(order) -> CreditCondition:
    total = Decimal(order.total_amount.amount)
    paid = sum((p.amount for p in order.payments.all()), Decimal("0"))
    return CreditCondition(
        "remittance",
        _("A remittance covers the order: %(paid)s received of %(total)s")
        % {"paid": Money(paid, order.currency), "total": Money(total, order.currency)},
        total > 0 and paid >= total,
        _("finance, recording the remittance"),
    )


def r20_within_limit(order) -> CreditCondition:
    customer = order.customer
    cleared_by = _("finance (payments received) or a manager (the limit, in the admin)")
    if customer.credit_limit is None:
        return CreditCondition("limit", _("The customer has no credit limit"), False, cleared_by)
    if customer.credit_currency != order.currency:
        return CreditCondition(
            "limit",
            _("The credit limit is in %(limit)s and the order in %(order)s: not comparable")
            % {"limit": customer.credit_currency, "order": order.currency},
            None,
            cleared_by,
        )
    open_balance = r20_open_balance(customer, order.currency, excluding=order)
    total = Decimal(order.total_amount.amount)
    return CreditCondition(
        "limit",
        _("Open balance %(open)s + this order %(order)s within the credit limit %(limit)s")
        % {
            "open": Money(open_balance, order.currency),
            "order": Money(total, order.currency),
            "limit": Money(customer.credit_limit, order.currency),
        },
        open_balance + total <= customer.credit_limit,
        cleared_by,
    )


def r20_guarantee(order) -> CreditCondition:
    guarantees = list(order.credit_guarantees.all())
    approved = [g for g in guarantees if g.status == GuaranteeStatus.APPROVED]
    waiting = [g for g in guarantees if g.status == GuaranteeStatus.REQUESTED]
    if approved:
        label = _("Salesperson's guarantee approved")
    elif waiting:
        label = _("Salesperson's guarantee given, waiting for a manager")
    else:
        label = _("Salesperson's guarantee")
    return CreditCondition(
        "guarantee",
        label,
        bool(approved),
        _("the salesperson, then a manager"),
    )


# R31's statements live in another app (shipping.statements), which registers how last month's
# statement is judged: (customer, today) -> (met, label with the figures). orders/ imports none
# of the other apps.
_last_month_statement: list[Callable[[object, date], tuple[bool | None, str]]] = []


def register_statement_check(check: Callable[[object, date], tuple[bool | None, str]]) -> None:
    _last_month_statement[:] = [check]


def r20_monthly_statement(order, today: date | None = None) -> CreditCondition:
    if not _last_month_statement:
        return CreditCondition(
            "statement",
            _(
                "Last month's statement cleared: statements (R31) are not kept in Gendan yet, so "
                "this cannot be checked here"
            ),
            None,
            _("the general manager's exception"),
        )
    met, label = _last_month_statement[0](order.customer, today or timezone.localdate())
    return CreditCondition(
        "statement",
        label,
        met,
        _("the customer (confirming the statement through its link) and finance (the payment)"),
    )


def r20_credit_status(order) -> CreditStatus:
    if order.customer.settlement == Settlement.MONTHLY:
        conditions = [r20_monthly_statement(order)]
    else:
        conditions = [r20_remittance(order), r20_within_limit(order), r20_guarantee(order)]
    exception = next(iter(order.credit_exceptions.all()), None)
    return CreditStatus(conditions, exception)


def r20_credit_gate_met(order) -> bool:
    return r20_credit_status(order).met
