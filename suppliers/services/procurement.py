"""Procurement of each material: ordered, confirmed, in-house, with expected and actual dates."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.services.common import lock_row
from orders.timeline import event_message
from suppliers.choices import ProcurementStatus, SupplierEvent
from suppliers.models import FabricBooking, Trim
from suppliers.services.common import ActionRefused, lock_for, note, perform

MATERIALS = {"fabric": FabricBooking, "trim": Trim}
# The lifecycle transition (suppliers/models/procurement.py) that records each step.
STEP_TRANSITIONS = {
    ProcurementStatus.ORDERED: "mark_ordered",
    ProcurementStatus.CONFIRMED: "mark_confirmed",
    ProcurementStatus.IN_HOUSE: "mark_in_house",
}


def procurement_update(
    *,
    material: str,
    material_id: int,
    user,
    status: str,
    on: date,
    expected_on: date | None = None,
    needed_by: date | None = None,
):
    """Move a fabric or trim on to `status` (on date `on`); it never steps back."""
    model = MATERIALS[material]
    if status not in STEP_TRANSITIONS:
        raise ActionRefused(_("Choose ordered, confirmed or in-house."))
    with transaction.atomic():
        item = lock_row(model, pk=material_id)
        order = lock_for(item.order_id, user)
        item.order = order
        already = _("It is already %(status)s.") % {
            "status": ProcurementStatus(item.procurement_status).label
        }
        perform(item, STEP_TRANSITIONS[status], user=user, not_possible=already, on=on)
        if expected_on is not None:
            item.expected_on = expected_on
        if needed_by is not None:
            item.needed_by = needed_by
        item.save()
        detail = event_message(
            gettext_noop("%(item)s: %(status)s %(on)s"),
            item=getattr(item, "description", None) or getattr(item, "fabric_name", str(item)),
            status=ProcurementStatus(status).label,
            on=on.isoformat(),
        )
        if item.is_short:
            detail = event_message(
                gettext_noop("%(step)s — SHORTAGE: expected %(expected)s, needed by %(needed)s"),
                step=detail,
                expected=str(item.expected_on),
                needed=str(item.need_date),
            )
        note(order, user=user, kind=EventKind.NOTE, action=SupplierEvent.PROCUREMENT, detail=detail)
    return item
