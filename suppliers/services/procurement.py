"""Procurement of each material: ordered, confirmed, in-house, with expected and actual dates."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.timeline import event_message
from suppliers.choices import PROCUREMENT_STEPS, ProcurementStatus
from suppliers.models import FabricBooking, Trim
from suppliers.services.common import ActionRefused, lock_for, note

MATERIALS = {"fabric": FabricBooking, "trim": Trim}
DATE_FIELD = {
    ProcurementStatus.ORDERED: "ordered_on",
    ProcurementStatus.CONFIRMED: "confirmed_on",
    ProcurementStatus.IN_HOUSE: "in_house_on",
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
    if status not in DATE_FIELD:
        raise ActionRefused(_("Choose ordered, confirmed or in-house."))
    with transaction.atomic():
        item = model.objects.select_for_update().get(pk=material_id)
        order = lock_for(item.order_id, user)
        if PROCUREMENT_STEPS.index(status) < PROCUREMENT_STEPS.index(item.procurement_status):
            raise ActionRefused(
                _("It is already %(status)s.")
                % {"status": ProcurementStatus(item.procurement_status).label}
            )
        item.procurement_status = status
        setattr(item, DATE_FIELD[status], on)
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
        note(order, user=user, kind=EventKind.NOTE, action="procurement", detail=detail)
    return item
