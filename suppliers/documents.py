"""The printable forms of the suppliers app, registered on the forms machinery."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect
from orders.documents.builtin_forms import ORDER_LIVE
from orders.documents.images import picture_data_uri
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from suppliers.choices import TrimSource

FABRIC_BOOKING = FormSpec(
    code="F-FAB-001",
    name=_("Fabric booking to factory"),
    model="suppliers.FabricBooking",
    template="suppliers/forms/fabric_booking.html",
    order_of=lambda booking: booking.order,
    recipient=lambda booking: booking.order.factory,
    context=lambda booking: {"booking": booking, "order": booking.order},
    reference=lambda booking: str(booking.order),
    signatures=(
        Signature(_("Merchandiser"), signer=lambda booking: signed_by(booking.order.merchandiser)),
        Signature(
            _("Signed by (group head)"),
            signer=lambda booking: signed_by(booking.signed_by, booking.signed_at),
        ),
        Signature(_("Factory: received"), company=True),
    ),
    # R8 + R2: a change of the quantities, the style or the dates voids the group head's
    # signature; the booking goes again as the order's new revision once signed again.
    revised_by=frozenset({Aspect.QUANTITY, Aspect.STYLE, Aspect.DATES}),
    reissued_after=_("Sent by itself once the group head signs it again (R2)"),
    send_rule=SendRule(
        when=(
            Requirement(
                lambda booking: booking.is_signed,
                _("the group head has not signed the fabric booking (R2)"),
            ),
            ORDER_LIVE,
        )
    ),
)


def _amount(value: Decimal | None) -> str:
    """1.500 → "1.5", 1050.00 → "1050": the form shows what was entered, not the column's scale."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def _trim_list_context(order) -> dict:
    trims = list(order.trims.select_related("supplier", "contact").order_by("id"))
    groups = []
    for source in TrimSource:
        rows = [
            {
                "trim": trim,
                "picture": picture_data_uri(trim.picture),
                "consumption": _amount(trim.consumption),
                "quantity": _amount(trim.quantity),
            }
            for trim in trims
            if trim.source == source
        ]
        if rows:
            groups.append({"source": source.label, "rows": rows})
    return {"order": order, "groups": groups}


TRIM_LIST = FormSpec(
    code="F-TRIM-001",
    name=_("Trim list"),
    model="orders.Order",
    template="suppliers/forms/trim_list.html",
    order_of=lambda order: order,
    recipient=lambda order: order.factory,
    context=_trim_list_context,
    reference=lambda order: str(order),
    signatures=(
        Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),
        Signature(_("Factory: received"), company=True),
        _("QC"),
    ),
    # R8: a change to the style (a trim swapped), the quantities, or a trim's quantity or
    # supplier re-issues the list.
    revised_by=frozenset({Aspect.STYLE, Aspect.QUANTITY, Aspect.PROCUREMENT}),
    send_rule=SendRule(
        when=(
            Requirement(lambda order: order.trims.exists(), _("the order has no trims to list")),
            ORDER_LIVE,
        )
    ),
)


def register() -> None:
    register_form(FABRIC_BOOKING)
    register_form(TRIM_LIST)
