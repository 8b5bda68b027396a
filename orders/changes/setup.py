"""Wiring of the change concepts, called from OrdersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from orders.changes import contributions, notice
from orders.changes.choices import ChangeEvent
from orders.changes.selectors import (
    changes_waiting_for,
    collect_waiting_changes,
    order_changes_section,
)
from orders.choices import Stage
from orders.reminders.registry import register_reminder_source
from orders.sections import register_home_panel, register_section
from orders.timeline import register_action_labels


def _home(user) -> dict:
    return {"items": changes_waiting_for(user)}


def ready() -> None:
    contributions.register()
    notice.register()
    register_action_labels(dict(ChangeEvent.choices))
    register_section(
        code="changes",
        title=_("Change requests"),
        template="orders/changes/section.html",
        context=order_changes_section,
        order=4,
        stages=[Stage.APPROVED, Stage.IN_PRODUCTION, Stage.INSPECTION],
    )
    register_reminder_source(code="change_requests", collect=collect_waiting_changes)
    register_home_panel(
        code="changes",
        title=_("Change requests waiting for me"),
        template="orders/changes/home_panel.html",
        context=_home,
        order=5,
    )
