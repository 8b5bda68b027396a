"""What the intake app plugs into orders/: the R29 gate, the section, the R13 reminders, the
automatic request to PMC and the hold on the written reply's milestone, the forms and the
timeline labels."""

from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.gates import register_gate
from orders.intake import rules
from orders.intake.choices import IntakeEvent
from orders.intake.forms_registry import register_forms
from orders.intake.reminders import collect_pmc_replies
from orders.intake.services import r13_ask_pmc_after_first_review
from orders.intake.views import commodity_section_context, home_panel_context, section_context
from orders.planning.rules import register_milestone_condition
from orders.reminders.registry import register_reminder_source
from orders.sections import register_home_panel, register_section
from orders.timeline import register_action_labels, register_event_listener

R29_GATE_LABEL = _(
    "Direct order: the sales office's signed ORDER CONFIRMATION is in the order's file (R29)"
)
R29_CLEARED_BY = _("The merchandiser, filing the sales office's signed copy (or its link)")
R29_COUNTERSIGN_GATE_LABEL = _(
    "Direct order: the customer's P/O countersigned by the sales office before it is "
    "distributed (R29)"
)
R29_COUNTERSIGN_CLEARED_BY = _(
    "The merchandiser, recording the sales office's countersignature on the order page"
)
R13_REPLY_WAITS_FOR_PMC = _(
    "The written reply to the customer gives PMC's delivery date: it cannot be marked done "
    "before PMC has replied one (R13)."
)


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
    # R29: the P/O is countersigned before distribution: the contract's approval, after which
    # the production order goes to the factory.
    register_gate(
        transition="approve",
        code="po_countersigned",
        label=R29_COUNTERSIGN_GATE_LABEL,
        cleared_by=R29_COUNTERSIGN_CLEARED_BY,
        check=rules.r29_po_countersigned,
        applies=rules.r29_applies,
    )
    register_section(
        code="commodity_inspection",
        title=_("Commodity inspection (商檢)"),
        template="intake/commodity_section.html",
        context=commodity_section_context,
        order=6,
        stages=[Stage.APPROVED, Stage.IN_PRODUCTION, Stage.INSPECTION, Stage.SHIPPING],
        shown_for=rules.r33_applies,
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
    # R13: PMC is asked when the first review is done, and the 48-hour reply waits for its date.
    register_event_listener("submit_for_review", r13_ask_pmc_after_first_review)
    register_milestone_condition(
        code="customer_reply", holds=rules.r13_pmc_has_replied, refusal=R13_REPLY_WAITS_FOR_PMC
    )
    register_action_labels(dict(IntakeEvent.choices))
    register_forms()
