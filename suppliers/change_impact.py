"""What an order change (R8) touches in materials: fabric bookings (R2: the group head signs a
changed booking again), trims to procure, the trim card (R1); registered with orders' change
registry in SuppliersConfig.ready(), so orders/ never imports this app."""

from decimal import Decimal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import ChangeField, Impact, register_change_contributor
from orders.choices import EventKind
from suppliers.choices import ProcurementStatus, SupplierEvent, TrimCardStatus
from suppliers.services.common import note


def _amount(consumption, pieces: int) -> str:
    return f"{(Decimal(consumption or 0) * pieces).quantize(Decimal('0.1')):,}"


def fabric_impact(context) -> list[Impact]:
    order, diff = context.order, context.diff
    lines = []
    if not diff.touches(Aspect.QUANTITY, Aspect.DATES, Aspect.STYLE):
        return lines
    for booking in order.fabric_bookings.select_related("supplier"):
        if diff.touches(Aspect.QUANTITY):
            text = _(
                "Fabric booking %(fabric)s (%(mill)s): about %(before)s → %(after)s %(unit)s at "
                "%(consumption)s per garment."
            ) % {
                "fabric": booking.fabric_name,
                "mill": booking.supplier,
                "before": _amount(booking.consumption, diff.before.quantity),
                "after": _amount(booking.consumption, diff.after.quantity),
                "unit": booking.consumption_unit,
                "consumption": booking.consumption.normalize(),
            }
        elif diff.touches(Aspect.STYLE):
            text = _("Fabric booking %(fabric)s: check it against the new style data.") % {
                "fabric": booking.fabric_name
            }
        else:
            text = _(
                "Fabric booking %(fabric)s: fabric due %(date)s; check it against the new dates."
            ) % {"fabric": booking.fabric_name, "date": booking.delivery_date}
        if booking.is_signed:
            text += " " + _("The group head signs the changed booking again before it goes (R2).")
        lines.append(Impact(ImpactArea.MATERIALS, text, _("Merchandiser; group head signs")))
    return lines


def trims_impact(context) -> list[Impact]:
    order, diff = context.order, context.diff
    lines = []
    if diff.touches(Aspect.QUANTITY):
        for trim in order.trims.exclude(consumption=None):
            text = _("Trim %(trim)s: %(before)s → %(after)s %(unit)s to procure.") % {
                "trim": trim.description,
                "before": _amount(trim.consumption, diff.before.quantity),
                "after": _amount(trim.consumption, diff.after.quantity),
                "unit": trim.unit,
            }
            if trim.procurement_status != ProcurementStatus.NOT_ORDERED:
                text += " " + _("Already ordered: tell the supplier.")
            lines.append(Impact(ImpactArea.MATERIALS, text, _("Merchandiser (procurement)")))
    if (
        diff.touches(Aspect.STYLE)
        and order.trim_cards.filter(status=TrimCardStatus.APPROVED).exists()
    ):
        lines.append(
            Impact(
                ImpactArea.MATERIALS,
                _("The approved trim card (物料咭) is checked again against the new style (R1)."),
                _("Factory submits; merchandiser checks"),
            )
        )
    return lines


def materials_impact(context) -> list[Impact]:
    return [*fabric_impact(context), *trims_impact(context)]


def trim_fields(order) -> list[ChangeField]:
    """Each trim of the order, which a change request may swap (R8: trims)."""
    return [
        ChangeField(
            f"suppliers.trim.{trim.pk}",
            format_lazy(_("Trim: {trim}"), trim=trim.description),
            Aspect.STYLE,
            trim.description.strip(),
        )
        for trim in order.trims.all()
    ]


def materials_apply(context) -> None:
    """A swapped trim takes its new name; a fabric booking the change alters loses its
    signature, so the group head signs it again before it goes to the factory (R2)."""
    order, diff = context.order, context.diff
    for trim in order.trims.all():
        new = context.extra.get(f"suppliers.trim.{trim.pk}")
        if new and new != trim.description.strip():
            trim.description = new[:200]
            trim.save(update_fields=["description"])
    if not diff.touches(Aspect.QUANTITY, Aspect.STYLE, Aspect.DATES):
        return
    for booking in order.fabric_bookings.exclude(signed_at=None):
        booking.signed_by, booking.signed_at = None, None
        booking.save(update_fields=["signed_by", "signed_at"])
        note(
            order,
            user=context.user,
            kind=EventKind.EDITED,
            action=SupplierEvent.FABRIC_BOOKING_EDITED,
            detail=f"{booking.fabric_name} — {context.change.label} (Rev {order.revision}): "
            + str(_("the signature is void; the group head must sign again")),
        )


def register() -> None:
    register_change_contributor(
        code="suppliers",
        fields=trim_fields,
        impact=materials_impact,
        apply=materials_apply,
        order=30,
    )
