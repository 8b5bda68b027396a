"""R24: the trim list with pictures that goes to the factory with the purchase contract;
QC inspects the goods against the same list."""

from django.db import transaction
from django.utils.translation import gettext as _

from orders.choices import EventKind
from orders.documents.services import document_send
from orders.models import Order, SentDocument
from orders.services.common import lock_row
from suppliers.choices import SupplierEvent
from suppliers.models import Trim
from suppliers.services.common import ActionRefused, lock_for, note
from suppliers.services.trims import validate_picture

TRIM_LIST_FORM = "F-TRIM-001"


def trim_picture_set(*, trim_id: int, user, picture) -> Trim:
    """Give a trim its picture (or replace it); the next trim list sent shows the new one."""
    if not picture:
        raise ActionRefused(_("Choose the trim's picture."))
    validate_picture(picture)
    with transaction.atomic():
        order_id = Trim.objects.values_list("order_id", flat=True).get(pk=trim_id)
        order = lock_for(order_id, user)
        trim = lock_row(Trim, pk=trim_id)
        trim.picture.save(picture.name, picture, save=False)
        trim.save(update_fields=["picture"])
        note(
            order,
            user=user,
            kind=EventKind.EDITED,
            action=SupplierEvent.TRIM_PICTURE,
            detail=trim.description,
        )
    return trim


def trim_list_send(*, order_id: int, user, language: str | None = None) -> SentDocument:
    """Send F-TRIM-001 to the order's factory in its language, through the forms machinery."""

    order = Order.objects.select_related("factory").get(pk=order_id)
    with transaction.atomic():  # F-TRIM-001's send rule refuses an order without trims
        document = document_send(spec_code=TRIM_LIST_FORM, obj=order, user=user, language=language)
        order = lock_for(order.pk, user)
        note(
            order,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SupplierEvent.TRIM_LIST_SENT,
            detail=f"v{document.version} → {order.factory}",
        )
    return document
