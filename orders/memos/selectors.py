"""Reads of the work memos (R32): the order's section, the addressees' home page and digest."""

from datetime import date, timedelta

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.memos.forms import WorkMemoForm
from orders.models import WorkMemo
from orders.models.memos import MemoStatus
from orders.permissions import can_edit
from orders.reminders.registry import ReminderItem
from orders.reminders.selection import users_by_role
from orders.roles import Role, roles_of
from orders.visibility import visible_orders

# A memo is acknowledged the next working day or so; after this it is overdue in the digest.
ACKNOWLEDGE_WITHIN_DAYS = 2


def memos_waiting_for(user) -> list[WorkMemo]:
    """Open memos addressed to one of the user's departments that it has not acknowledged
    (few are open at a time: the addressees are read in Python, on every database)."""
    roles = roles_of(user) & set(Role.values)
    if not roles:
        return []
    memos = (
        WorkMemo.objects.filter(status=MemoStatus.OPEN, order__in=visible_orders(user))
        .select_related("order__customer", "written_by")
        .prefetch_related("acknowledgements")
        .order_by("written_at")
    )
    return [memo for memo in memos if roles & set(memo.waiting_roles())]


def order_memos_section(order, user) -> dict:
    memos = list(
        order.work_memos.select_related("written_by").prefetch_related("acknowledgements__user")
    )
    mine = set(roles_of(user))
    return {
        "memos": memos,
        "may_write": can_edit(order, user),
        "form": WorkMemoForm(),
        "may_acknowledge": {
            memo.pk
            for memo in memos
            if memo.status == MemoStatus.OPEN and mine & set(memo.waiting_roles())
        },
    }


def collect_open_memos(today: date):
    """R32 in the reminders digest: each open memo, to every active user of a department that
    has not acknowledged it yet."""

    memos = list(
        WorkMemo.objects.filter(status=MemoStatus.OPEN)
        .select_related("order")
        .prefetch_related("acknowledgements")
    )
    waiting = [(memo, role) for memo in memos for role in memo.waiting_roles()]
    people = users_by_role({role for _memo, role in waiting})
    items = []
    for memo, role in waiting:
        due = memo.written_at.date() + timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)
        users = [memo.order.merchandiser_id] if role == Role.MERCHANDISER else people.get(role, [])
        for user_id in users:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=memo.order_id,
                    order_label=f"{memo.order.po_number} / {memo.order.style_no}",
                    title=format_lazy(
                        _("Acknowledge work memo {memo}: {subject}"),
                        memo=memo.label,
                        subject=memo.subject,
                    ),
                    due=due,
                    source="work_memo",
                    overdue_days=max((today - due).days, 0),
                )
            )
    return items
