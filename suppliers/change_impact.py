"""What an order change (R8) touches in materials: fabric bookings (R2: the group head signs a
changed booking again), trims to procure, the trim card (R1); registered with orders' change
registry in SuppliersConfig.ready(), so orders/ never imports this app."""

from decimal import Decimal, InvalidOperation

from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import ChangeField, Impact, register_change_contributor
from orders.choices import EventKind
from orders.services.common import ActionRefused
from suppliers.choices import ProcurementStatus, SupplierEvent, SupplierKind, TrimCardStatus
from suppliers.models import Supplier, SupplierContact
from suppliers.services.common import note
from suppliers.services.trims import validate_trim


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


def _trim_key(trim, part: str = "") -> str:
    return f"suppliers.trim.{trim.pk}" + (f".{part}" if part else "")


def _decimal_text(value) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def check_trim_quantity(value: str) -> None:
    try:
        quantity = Decimal(value)
    except InvalidOperation:
        quantity = None
    if quantity is None or not quantity.is_finite() or quantity < 0:
        raise ActionRefused(
            gettext("A trim quantity must be a number of 0 or more, e.g. 1200 or 350.5.")
        )


def trim_fields(order) -> list[ChangeField]:
    """Each trim of the order, which a change request may swap (R8: trims, style data), and
    how much of it is bought and from whom (procurement)."""
    trims = list(order.trims.select_related("supplier"))
    if not trims:
        return []
    suppliers = tuple(
        (str(pk), name)
        for pk, name in Supplier.objects.filter(kind=SupplierKind.TRIM_SUPPLIER)
        .order_by("name")
        .values_list("pk", "name")
    )
    fields = []
    for trim in trims:
        fields += [
            ChangeField(
                _trim_key(trim),
                format_lazy(_("Trim: {trim}"), trim=trim.description),
                Aspect.STYLE,
                trim.description.strip(),
            ),
            ChangeField(
                _trim_key(trim, "quantity"),
                format_lazy(_("Trim {trim}: quantity to buy"), trim=trim.description),
                Aspect.PROCUREMENT,
                _decimal_text(trim.quantity),
                check=check_trim_quantity,
            ),
            ChangeField(
                _trim_key(trim, "supplier"),
                format_lazy(_("Trim {trim}: supplier"), trim=trim.description),
                Aspect.PROCUREMENT,
                str(trim.supplier_id or ""),
                choices=suppliers,
            ),
        ]
    return fields


def procurement_impact(context) -> list[Impact]:
    """R8: a trim bought in another quantity or from another supplier: who orders it again."""
    if not context.diff.touches(Aspect.PROCUREMENT):
        return []
    changed = {change.key: change for change in context.diff.fields}
    lines = []
    for trim in context.order.trims.select_related("supplier"):
        ordered = trim.procurement_status != ProcurementStatus.NOT_ORDERED
        quantity = changed.get(_trim_key(trim, "quantity"))
        if quantity is not None:
            text = _("Trim %(trim)s: buy %(before)s → %(after)s %(unit)s.") % {
                "trim": trim.description,
                "before": quantity.before,
                "after": quantity.after,
                "unit": trim.unit,
            }
            if ordered:
                text += " " + _("Already ordered: tell the supplier.")
            lines.append(Impact(ImpactArea.MATERIALS, text, _("Merchandiser (procurement)")))
        supplier = changed.get(_trim_key(trim, "supplier"))
        if supplier is not None:
            text = _("Trim %(trim)s: bought from %(after)s instead of %(before)s.") % {
                "trim": trim.description,
                "before": supplier.before,
                "after": supplier.after,
            }
            if ordered:
                text += " " + _("Already ordered from %(before)s: cancel it there.") % {
                    "before": supplier.before
                }
            lines.append(Impact(ImpactArea.MATERIALS, text, _("Merchandiser (procurement)")))
    return lines


def materials_impact(context) -> list[Impact]:
    return [*fabric_impact(context), *trims_impact(context), *procurement_impact(context)]


def _apply_trim(trim, extra: dict) -> None:
    """The trim's new name, quantity and supplier as the change states them; the contact
    follows the supplier, and the trim is checked as when it is edited."""

    changed = []
    new = extra.get(_trim_key(trim))
    if new and new != trim.description.strip():
        trim.description = new[:200]
        changed.append("description")
    quantity = extra.get(_trim_key(trim, "quantity"))
    if quantity is not None and quantity != _decimal_text(trim.quantity):
        trim.quantity = Decimal(quantity) if quantity else None
        changed.append("quantity")
    supplier = extra.get(_trim_key(trim, "supplier"))
    if supplier is not None and supplier != str(trim.supplier_id or ""):
        trim.supplier_id = int(supplier) if supplier else None
        trim.contact = (
            SupplierContact.objects.filter(supplier_id=trim.supplier_id).order_by("pk").first()
        )
        changed += ["supplier", "contact"]
    if changed:
        validate_trim(trim)
        trim.save(update_fields=changed)


def materials_apply(context) -> None:
    """Trims take their new name, quantity and supplier; a fabric booking the change alters
    loses its signature, so the group head signs it again before it goes to the factory (R2)."""
    order, diff = context.order, context.diff
    for trim in order.trims.select_related("supplier"):
        _apply_trim(trim, context.extra)
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
