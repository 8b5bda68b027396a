"""The R15 dispatches in the order's "Inspection & shipment" section: each slip's steps so far
and the button of the step whose turn it is, for the role it belongs to."""

from django.utils.translation import gettext_lazy as _

from shipping import permissions
from shipping.choices import DISPATCH_STEP_COLOURS, DispatchStep
from shipping.forms_dispatch import DispatchSendForm, DispatchShipForm, DispatchStepForm
from shipping.models import Dispatch
from shipping.permissions import STEP_ROLES, may_do_step

BUTTON_LABELS = {
    DispatchStep.PRICES_APPROVED: _("Approve prices"),
    DispatchStep.PREPARED: _("Confirm goods prepared"),
    DispatchStep.NOTE_PRINTED: _("Print delivery note"),
    DispatchStep.NOTE_SIGNED: _("Check prices and sign"),
    DispatchStep.SHIPPED: _("Ship with waybill"),
    DispatchStep.SENT: _("Send delivery note and waybill to the customer"),
}


def step_form(order, step: str):
    if step == DispatchStep.SHIPPED:
        return DispatchShipForm()
    if step == DispatchStep.SENT:
        return DispatchSendForm(recipient_language=order.customer.language)
    return DispatchStepForm()


def dispatch_context(order, user) -> dict:
    dispatches = list(
        Dispatch.objects.filter(order=order).prefetch_related("lines", "steps__actor")
    )
    rows = []
    for dispatch in dispatches:
        step = dispatch.next_step
        mine = step is not None and may_do_step(order, user, step)
        role = STEP_ROLES.get(step) if step else None
        rows.append(
            {
                "dispatch": dispatch,
                "lines": list(dispatch.lines.all()),
                "steps": list(dispatch.steps.all()),
                "colour": DISPATCH_STEP_COLOURS[dispatch.status],
                "next_step": step,
                "next_label": dispatch.get_next_step_display(),
                "next_role": role.label if role else _("Merchandiser"),
                "button": BUTTON_LABELS.get(step) if mine else None,
                "form": step_form(order, step) if mine else None,
            }
        )
    open_dispatch = any(not d.shipped for d in dispatches)
    may_draw = permissions.can_handle_shipment(order, user) and not open_dispatch
    return {
        "dispatches": rows,
        "may_draw_slip": may_draw,
    }
