"""R21 in the daily reminders: every overdue balance is an item of its merchandiser's digest
(orders.reminders), so it goes exactly once a day with the person's other reminders, is
retried when the mail server refuses it, and one person's trouble never holds up another's."""

from datetime import date

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.reminders.registry import Reach, ReminderItem, register_reminder_source
from shipping import selectors


def r21_overdue_payment_items(today: date, reach: Reach | None = None) -> list[ReminderItem]:
    if reach is None:
        return _items(selectors.overdue_orders(today=today))
    found = selectors.overdue_orders(today=today, merchandisers=reach.own)
    if reach.escalating:
        # Of the others' balances, only those overdue past the limit escalate to the reader.
        found += selectors.overdue_orders(
            today=today, merchandisers=reach.escalating, overdue_on=reach.escalates_before
        )
    return _items(found)


def _items(overdue) -> list[ReminderItem]:
    return [
        ReminderItem(
            user_id=order.merchandiser_id,
            order_id=order.pk,
            order_label=f"{order.po_number} / {order.style_no}",
            title=format_lazy(
                _("Payment overdue: {owed} owed, please remind the customer (R21)"),
                owed=balance.owed,
            ),
            due=balance.due_on,
            source="r21_overdue_payments",
            overdue_days=balance.days_overdue,
        )
        for order, balance in overdue
    ]


def register_reminders() -> None:
    register_reminder_source(code="r21_overdue_payments", collect=r21_overdue_payment_items)
