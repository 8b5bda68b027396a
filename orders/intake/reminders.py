"""R13 in the daily digest: PMC's open delivery-date replies, to everyone with the PMC role; a
reply past its deadline (the next working afternoon) goes to their manager at once, not after
the usual days of grace."""

from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.intake.choices import PmcReplyStatus
from orders.intake.models import PmcReply
from orders.intake.rules import INTAKE_STAGES
from orders.reminders.registry import ReminderItem
from orders.reminders.selection import managers_of, users_by_role
from orders.roles import Role

TITLE = _("Reply a delivery date and confirm capacity (R13)")


def collect_pmc_replies(today: date) -> list[ReminderItem]:
    # At intake only: once the contract is approved with its dates, production planning (R25)
    # takes over and a request nobody answered no longer reminds anyone.
    rows = PmcReply.objects.filter(
        status=PmcReplyStatus.WAITING, order__stage__in=INTAKE_STAGES
    ).values_list("order_id", "order__po_number", "order__style_no", "due_at")
    rows = list(rows)
    if not rows:
        return []
    planners = users_by_role({Role.PMC})[Role.PMC]
    items = []
    for order_id, po, style, due_at in rows:
        due = timezone.localdate(due_at)
        for user_id in planners:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=order_id,
                    order_label=f"{po} / {style}",
                    title=TITLE,
                    due=due,
                    source="pmc_reply",
                    overdue_days=max((today - due).days, 0),
                )
            )
    return items + r13_escalations(items)


def r13_escalations(items: list[ReminderItem]) -> list[ReminderItem]:
    """Copies for the managers of the late ones; after GENDAN_ESCALATE_AFTER_DAYS the general
    scan escalates them itself, so they are not doubled."""
    limit = settings.GENDAN_ESCALATE_AFTER_DAYS
    late = [item for item in items if 0 < item.overdue_days <= limit]
    if not late:
        return []
    managers = managers_of({item.user_id for item in late})
    return [
        item.for_manager(manager) for item in late for manager in managers.get(item.user_id, [])
    ]
