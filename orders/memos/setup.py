"""Wiring of R32, called from OrdersConfig.ready(): the order page's section, the addressees'
home panel and reminders, the timeline's labels."""

from django.utils.translation import gettext_lazy as _

from orders.choices import MemoEvent, Stage
from orders.memos.selectors import collect_open_memos, memos_waiting_for, order_memos_section
from orders.reminders.registry import register_reminder_source
from orders.sections import register_home_panel, register_section
from orders.timeline import register_action_labels


def _home(user) -> dict:
    return {"memos": memos_waiting_for(user)}


def ready() -> None:
    register_section(
        code="memos",
        title=_("Work memos"),
        template="orders/memos/section.html",
        context=order_memos_section,
        order=6,
        stages=[Stage.APPROVED, Stage.IN_PRODUCTION, Stage.INSPECTION, Stage.SHIPPING],
    )
    register_home_panel(
        code="memos",
        title=_("Work memos waiting for me"),
        template="orders/memos/home_panel.html",
        context=_home,
        order=6,
    )
    register_reminder_source(code="work_memos", collect=collect_open_memos)
    register_action_labels(dict(MemoEvent.choices))
