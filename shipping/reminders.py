"""R21 in the daily reminders: every overdue balance is an item of its merchandiser's digest
(orders.reminders), so it goes exactly once a day with the person's other reminders, is
retried when the mail server refuses it, and one person's trouble never holds up another's.

The balances are read as columns of one query (shipping.collections: total, credited, base
date), never order by order with their lines, payments and documents: a manager's page holds
the escalated balances of whole teams."""

from datetime import date

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.money import Money
from orders.reminders.registry import Reach, ReminderItem, register_reminder_source
from shipping import rules, selectors
from shipping.collections import overdue

FIGURES = (
    "pk",
    "merchandiser_id",
    "po_number",
    "style_no",
    "currency",
    "payment_terms",
    "deposit_percent",
    "order_date",
    "money_base",
    "money_total",
    "money_credited",
)


def r21_overdue_payment_items(today: date, reach: Reach | None = None) -> list[ReminderItem]:
    if reach is None:
        return _items(_overdue_figures(today), today)
    found = _overdue_figures(today, merchandisers=reach.own)
    if reach.escalating:
        # Of the others' balances, only those overdue past the limit escalate to the reader.
        found += _overdue_figures(
            today, merchandisers=reach.escalating, overdue_on=reach.escalates_before
        )
    return _items(found, today)


def _overdue_figures(today: date, *, merchandisers=None, overdue_on=None) -> list[tuple]:
    """selectors.overdue_orders' orders (picked by the database) as rows of FIGURES."""
    orders = selectors.owing_orders(today=today, merchandisers=merchandisers).filter(
        overdue(overdue_on or today)
    )
    return list(orders.order_by("customer__name", "ex_factory_date", "id").values_list(*FIGURES))


def _items(rows, today: date) -> list[ReminderItem]:
    items = []
    for (
        pk,
        merchandiser_id,
        po,
        style,
        currency,
        terms,
        deposit,
        ordered,
        base,
        total,
        credited,
    ) in rows:
        plan = rules.instalments_of(terms, deposit, ordered, base, total)
        late = rules.days_late(plan, credited, today)
        if late is None:  # what the database picked as overdue, R21 in Python does not
            continue
        items.append(
            ReminderItem(
                user_id=merchandiser_id,
                order_id=pk,
                order_label=f"{po} / {style}",
                title=format_lazy(
                    _("Payment overdue: {owed} owed, please remind the customer (R21)"),
                    owed=Money(total - credited, currency),
                ),
                due=plan[-1].due_on,
                source="r21_overdue_payments",
                overdue_days=late,
            )
        )
    return items


def register_reminders() -> None:
    register_reminder_source(code="r21_overdue_payments", collect=r21_overdue_payment_items)
