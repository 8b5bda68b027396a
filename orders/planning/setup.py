"""Wiring of the planning concepts, called from OrdersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

import orders.planning.tasks  # noqa: F401  registers the weekly report task with the worker
from orders.choices import ACTIVE_STAGES
from orders.planning import progress_report
from orders.planning.choices import CommodityInspectionEvent, PlanEvent
from orders.planning.selectors import plan_section_context
from orders.reminders.registry import register_reminder_source
from orders.reminders.selection import collect_milestones, collect_orders_at_risk
from orders.sections import register_section
from orders.services.planning import complete_from_event, plan_follows_stage
from orders.timeline import register_action_labels, register_event_listener


def ready() -> None:
    progress_report.register()
    # Every recorded action completes the milestones it stands for (R19), before any other
    # app's follow-up sees the event.
    register_event_listener(None, complete_from_event)
    register_event_listener(None, plan_follows_stage)
    register_section(
        code="plan",
        title=_("Time-and-action plan, progress and dates"),
        template="orders/planning/section.html",
        context=plan_section_context,
        order=5,
        stages=ACTIVE_STAGES[: ACTIVE_STAGES.index("shipping")],
    )
    # R13 (reply within 48 hours), R1 (trim card within 3 working days) and R12 (inspection
    # booking lead times) are milestones of the plan, so the milestone source covers them;
    # other apps register their own deadlines the same way.
    register_reminder_source(code="milestones", collect=collect_milestones)
    register_reminder_source(code="orders_at_risk", collect=collect_orders_at_risk)
    register_action_labels({**dict(PlanEvent.choices), **dict(CommodityInspectionEvent.choices)})
