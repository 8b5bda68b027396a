"""The printable forms of the suppliers app, registered on the forms machinery."""

from django.utils.translation import gettext_lazy as _

from orders.documents.registry import FormSpec, register_form

FABRIC_BOOKING = FormSpec(
    code="F-FAB-001",
    name=_("Fabric booking to factory"),
    model="suppliers.FabricBooking",
    template="suppliers/forms/fabric_booking.html",
    order_of=lambda booking: booking.order,
    recipient=lambda booking: booking.order.factory,
    context=lambda booking: {"booking": booking, "order": booking.order},
    reference=lambda booking: str(booking.order),
    signatures=(_("Merchandiser"), _("Signed by (group head)"), _("Factory: received")),
)


def register() -> None:
    register_form(FABRIC_BOOKING)
