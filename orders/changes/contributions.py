"""orders/' own part of a change: the plan and production (R25), the payment gate (R11), what is
already produced (R14) and the documents re-issued to the factory. Registered from
orders.changes.setup like any other app's contribution."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders import rules as order_rules
from orders.changes.choices import Aspect, ChangeEvent, ImpactArea
from orders.changes.money import order_after, order_before, payment_impact
from orders.changes.registry import Impact, QuantityFloor, register_change_contributor
from orders.changes.rules import r14_in_production, working_stage
from orders.choices import PAYMENT_GATE_OPEN_STAGES, Clearance, EventKind
from orders.documents.selectors import documents_revised_by
from orders.models import ProgressReport
from orders.services.common import record_event
from orders.services.planning import replan_dates, reproject
from orders.timeline import event_message

# ---- plan and production ----------------------------------------------------------------------


def plan_impact(context) -> list[Impact]:
    order, diff = context.order, context.diff
    lines = []
    if diff.touches(Aspect.DATES):
        open_milestones = order.milestones.filter(actual_date__isnull=True).count()
        lines.append(
            Impact(
                ImpactArea.PLAN,
                _(
                    "%(count)s open milestones are planned again from the new dates; the order "
                    "is re-projected against the customer date."
                )
                % {"count": open_milestones},
                _("Automatic; the merchandiser checks the plan"),
            )
        )
    if diff.touches(Aspect.QUANTITY) and r14_in_production(order):
        lines.append(
            Impact(
                ImpactArea.PLAN,
                _(
                    "Production targets change from %(before)s to %(after)s pieces: progress is "
                    "measured against the new total (R25)."
                )
                % {"before": diff.before.quantity, "after": diff.after.quantity},
                _("Factory PMC"),
            )
        )
    if r14_in_production(order) and context.change.is_amendment:
        lines.append(
            Impact(
                ImpactArea.PLAN,
                _("PMC tells the workshops in writing what changes and when (R14)."),
                _("Factory PMC"),
            )
        )
    return lines


def plan_apply(context) -> None:
    if context.diff.touches(Aspect.DATES):
        replan_dates(order=context.order)
    else:
        reproject(order=context.order)


def produced_floors(order) -> list[QuantityFloor]:
    """R14: the most any process step has done so far; the order cannot be smaller."""
    latest = {}
    for report in (
        ProgressReport.objects.filter(order=order).select_related("step").order_by("reported_on")
    ):
        latest[report.step_id] = report
    if not latest:
        return []
    top = max(latest.values(), key=lambda report: report.quantity_done)
    if not top.quantity_done:
        return []
    return [
        QuantityFloor(
            None,
            top.quantity_done,
            _("%(step)s reported %(done)s pieces done on %(date)s")
            % {"step": top.step.label, "done": top.quantity_done, "date": top.reported_on},
        )
    ]


# ---- the payment gate (R11) -----------------------------------------------------------------


def payment_apply(context) -> None:
    """R11 again after R8: a clearance that secured less than the order now needs is void
    while the gate is open, so production waits until it is given for the new amount."""
    order = context.order
    if working_stage(order) not in PAYMENT_GATE_OPEN_STAGES:
        return
    after, before = order_after(order, context), order_before(order, context)
    for clearance in order_rules.r11_clearances_outgrown(order, after, before):
        clearance.void_at = timezone.now()
        clearance.void_reason = _(
            "%(change)s (Rev %(revision)s) raised the order to %(amount)s."
        ) % {
            "change": context.change.label,
            "revision": order.revision,
            "amount": context.diff.after.amount,
        }
        clearance.save(update_fields=["void_at", "void_reason"])
        record_event(
            order,
            kind=EventKind.PAYMENT,
            actor=context.user,
            action=ChangeEvent.PAYMENT_CLEARANCE_VOID,
            message=event_message(
                gettext_noop("%(clearance)s: %(reason)s"),
                clearance=Clearance(clearance.kind).label,
                reason=event_message(
                    gettext_noop("%(change)s (Rev %(revision)s) raised the order to %(amount)s."),
                    change=context.change.label,
                    revision=order.revision,
                    amount=context.diff.after.amount,
                ),
            ),
        )


# ---- documents re-issued to the factory -------------------------------------------------------


def documents_impact(context) -> list[Impact]:
    return [
        Impact(
            ImpactArea.DOCUMENTS,
            _(
                "%(code)s %(name)s (v%(version)s to %(recipient)s) is re-issued as revision "
                "%(revision)s; the earlier link stops accepting confirmation."
            )
            % {
                "code": spec.code,
                "name": spec.name,
                "version": document.version,
                "recipient": document.recipient_name,
                "revision": context.order.revision + 1,
            },
            spec.reissued_after
            or _("Sent when the change is applied; the factory confirms the new revision"),
        )
        for document, spec in documents_revised_by(
            order=context.order, aspects=context.diff.aspects
        )
    ]


def register() -> None:
    register_change_contributor(
        code="plan", impact=plan_impact, apply=plan_apply, floors=produced_floors, order=10
    )
    register_change_contributor(
        code="payment", impact=payment_impact, apply=payment_apply, order=20
    )
    register_change_contributor(code="documents", impact=documents_impact, order=900)
