"""What the intake app plugs into orders/: the R29 gate, the section, the R13 reminders, the
forms and the timeline labels."""

from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.gates import register_gate
from orders.intake import rules
from orders.intake.choices import IntakeEvent
from orders.intake.forms_registry import register_forms
from orders.intake.reminders import collect_pmc_replies
from orders.intake.views import home_panel_context, section_context
from orders.reminders.registry import register_reminder_source
from orders.sections import register_home_panel, register_section
from orders.timeline import register_action_labels

R29_GATE_LABEL = _(
    "Direct order: the sales office's signed ORDER CONFIRMATION is in the order's file (R29)"
)
R29_CLEARED_BY = _("The merchandiser, filing the sales office's signed copy (or its link)")


def register() -> None:
    for transition in ("submit_for_review", "approve"):
        register_gate(
            transition=transition,
            code="order_confirmation",
            label=R29_GATE_LABEL,
            cleared_by=R29_CLEARED_BY,
            check=rules.r29_confirmation_signed,
            applies=rules.r29_applies,
        )
    register_section(
        code="intake",
        title=_("Intake: PMC's delivery date and the direct order's confirmation"),
        template="intake/section.html",
        context=section_context,
        order=2,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW],
    )
    register_home_panel(
        code="pmc_replies",
        title=_("Delivery dates waiting for PMC (R13)"),
        template="intake/home_panel.html",
        context=home_panel_context,
        order=3,
    )
    register_reminder_source(code="pmc_replies", collect=collect_pmc_replies)
    register_action_labels(dict(IntakeEvent.choices))
    register_forms()
