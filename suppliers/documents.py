"""The printable forms of the suppliers app, registered on the forms machinery."""

import base64
import io
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from orders.documents.builtin_forms import ORDER_LIVE
from orders.documents.registry import FormSpec, register_form
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
    signatures=(_("Merchandiser"), _("Signed by (group head)"), _("Factory: received")),
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

# A picture on the trim list needs no more than this (pixels, longest side): a phone photo
# embedded at full size would make the PDF tens of MB.
PICTURE_MAX_PIXELS = 600


def picture_data_uri(picture) -> str:
    """The trim's picture, scaled down, as a data: URI that WeasyPrint embeds without a URL."""
    if not picture:
        return ""
    try:
        with picture.open("rb") as stored, Image.open(stored) as image:
            image.thumbnail((PICTURE_MAX_PIXELS, PICTURE_MAX_PIXELS))
            fmt = "JPEG" if image.format == "JPEG" else "PNG"
            if fmt == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format=fmt)
    except (OSError, UnidentifiedImageError):
        # A lost file must not stop the list from going out; the row then reads "no picture".
        return ""
    mimetype = "image/jpeg" if fmt == "JPEG" else "image/png"
    return f"data:{mimetype};base64,{base64.b64encode(buffer.getvalue()).decode()}"


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
    signatures=(_("Merchandiser"), _("Factory: received"), _("QC")),
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
