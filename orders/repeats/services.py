"""R28: repeat an order, and record the customer's confirmation of its artwork and marks."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind, RepeatEvent
from orders.models import Order, RepeatOrder
from orders.models.repeats import REPEAT_STYLE_FIELDS
from orders.permissions import can_edit, can_see
from orders.repeats.registry import repeat_copiers
from orders.repeats.rules import r28_may_repeat
from orders.services.common import ActionRefused, lock_order, record_event
from orders.services.orders import NewOrder, OrdersRefused, orders_create
from orders.timeline import event_message

# What a repeat takes over from its original besides the style data.
COPIED_FIELDS = (
    "customer",
    "season",
    "currency",
    "incoterm",
    "payment_terms",
    "deposit_percent",
    "commission",
    "factory",
)


def _lines(original: Order, copy_quantities: bool) -> list[dict]:
    lines = []
    for line in original.lines.all():
        if not line.quantity:
            continue  # a cancelled line is not made again
        lines.append(
            {
                "colour": line.colour,
                "size_breakdown": dict(line.size_breakdown) if copy_quantities else {},
                "quantity": line.quantity if copy_quantities else 0,
                "unit_price": line.unit_price,
            }
        )
    return lines


def order_repeat(
    *,
    order_id: int,
    user,
    po_number: str,
    order_date: date,
    customer_date: date,
    ex_factory_date: date,
    copy_quantities: bool,
) -> Order:
    """A new order in Received, made as the original was: its style data, lines (quantities
    copied or left at 0 for the customer's new figures), factory, terms, and whatever the other
    apps copy (trims, shipping marks), linked to the original."""
    with transaction.atomic():
        original = lock_order(order_id)
        if not can_see(original, user):
            raise ActionRefused(_("You may not see this order."))
        if not r28_may_repeat(original):
            raise ActionRefused(
                _("R28: an order is repeated once it has shipped; this one is %(stage)s.")
                % {"stage": original.get_stage_display().lower()}
            )
        lines = _lines(original, copy_quantities)
        if not lines:
            raise ActionRefused(_("Every line of this order was cancelled: nothing to repeat."))
        data = {name: getattr(original, name) for name in (*COPIED_FIELDS, *REPEAT_STYLE_FIELDS)}
        data.update(
            po_number=(po_number or "").strip(),
            order_date=order_date,
            customer_date=customer_date,
            ex_factory_date=ex_factory_date,
        )
        try:
            (repeat,) = orders_create(user=user, orders=[NewOrder(data, lines)])
        except OrdersRefused as refused:
            raise refused.errors[0] from None
        RepeatOrder.objects.create(
            order=repeat,
            original=original,
            original_revision=original.revision,
            style_data={name: getattr(original, name) for name in REPEAT_STYLE_FIELDS},
            quantities_copied=copy_quantities,
            created_by=user,
        )
        for copy in repeat_copiers():
            copy(original, repeat, user)
        record_event(
            repeat,
            kind=EventKind.NOTE,
            actor=user,
            action=RepeatEvent.REPEAT_CREATED,
            message=event_message(
                gettext_noop("Repeat of %(order)s (Rev %(revision)s); quantities %(copied)s."),
                order=str(original),
                revision=original.revision,
                copied={
                    "msgid": gettext_noop("copied")
                    if copy_quantities
                    else gettext_noop("left blank")
                },
            ),
        )
        record_event(
            original,
            kind=EventKind.NOTE,
            actor=user,
            action=RepeatEvent.ORDER_REPEATED,
            message=event_message(gettext_noop("Repeated as %(order)s."), order=str(repeat)),
        )
    return repeat


def repeat_artwork_confirm(
    *, order_id: int, user, confirmed_by: str, confirmed_on: date, reference: str = ""
) -> RepeatOrder:
    """R28: the customer confirmed that the artwork and shipping marks are unchanged."""
    confirmed_by = (confirmed_by or "").strip()
    if not confirmed_by:
        raise ActionRefused(_("Please say who confirmed on the customer's side."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        # Not lock_row: an order that is no repeat has no row, refused just below.
        repeat = RepeatOrder.objects.select_for_update().filter(order=order).first()
        if repeat is None:
            raise ActionRefused(_("This order is not a repeat order."))
        if repeat.artwork_confirmed:
            raise ActionRefused(_("The customer's confirmation is already recorded."))
        repeat.artwork_confirmed_by = confirmed_by[:120]
        repeat.artwork_confirmed_on = confirmed_on
        repeat.artwork_reference = (reference or "").strip()[:80]
        repeat.artwork_recorded_by = user
        repeat.save()
        record_event(
            order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=RepeatEvent.REPEAT_ARTWORK_CONFIRMED,
            comment=" ".join(
                part for part in (confirmed_by, str(confirmed_on), repeat.artwork_reference) if part
            ),
        )
    return repeat
