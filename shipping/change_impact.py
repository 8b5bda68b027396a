"""What an order change (R8) touches in inspection and shipping: booked lot sizes and their AQL
sample sizes, the packing list, shipping marks, dispatches not yet shipped; registered with
orders' change registry in ShippingConfig.ready(). Applying a change books the open
inspections for the new quantity."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import ChangeField, Impact, register_change_contributor
from shipping import aql
from shipping.change_packing import packing_apply, packing_fields, packing_impact
from shipping.choices import DispatchStep
from shipping.models import ShippingMarks
from shipping.rules import balance


def _open_bookings(order):
    return order.inspection_bookings.filter(report__isnull=True)


def _sample_size(lot: int, booking) -> int:
    return aql.sampling_plan(max(lot, 2), booking.level, booking.aql_major).sample_size


def shipping_impact(context) -> list[Impact]:
    order, diff = context.order, context.diff
    lines = []
    if diff.touches(Aspect.QUANTITY):
        after = diff.after.quantity
        for booking in _open_bookings(order):
            lines.append(
                Impact(
                    ImpactArea.INSPECTION,
                    _(
                        "%(inspection)s on %(date)s: lot %(before)s → %(after)s pieces, AQL "
                        "sample %(sample_before)s → %(sample_after)s."
                    )
                    % {
                        "inspection": booking.get_kind_display(),
                        "date": booking.planned_date,
                        "before": booking.lot_size,
                        "after": after,
                        "sample_before": _sample_size(booking.lot_size, booking),
                        "sample_after": _sample_size(after, booking),
                    },
                    _("QC"),
                )
            )
        for dispatch in order.dispatches.exclude(
            status__in=[DispatchStep.SHIPPED, DispatchStep.SENT]
        ):
            lines.append(
                Impact(
                    ImpactArea.INSPECTION,
                    _("Dispatch %(number)s, not yet shipped: its quantities are checked again.")
                    % {"number": dispatch.number},
                    _("Warehouse"),
                )
            )
    if diff.touches(Aspect.STYLE) and hasattr(order, "shipping_marks"):
        lines.append(
            Impact(
                ImpactArea.INSPECTION,
                _(
                    "Shipping marks: confirm them with the customer again if the change shows "
                    "on them (R23)."
                ),
                _("Merchandiser"),
            )
        )
    if diff.touches(Aspect.DATES):
        for booking in _open_bookings(order):
            lines.append(
                Impact(
                    ImpactArea.INSPECTION,
                    _("%(inspection)s booked for %(date)s: book it again for the new dates (R12).")
                    % {"inspection": booking.get_kind_display(), "date": booking.planned_date},
                    _("QC"),
                )
            )
    return lines


def balance_impact(context) -> list[Impact]:
    """R21: what the customer owes follows the new total, less what was paid or deducted."""

    diff = context.diff
    before, after = diff.before.amount.rounded(), diff.after.amount.rounded()
    if before == after:
        return []
    current = balance(context.order)
    credited = current.paid.amount + current.deducted.amount
    owed_before, owed_after = before - credited, after - credited
    currency = context.order.currency
    text = _("Balance the customer owes: %(before)s → %(after)s.") % {
        "before": f"{currency} {max(owed_before, 0):,}",
        "after": f"{currency} {max(owed_after, 0):,}",
    }
    if credited:
        text += " " + _("%(credited)s already received or deducted.") % {
            "credited": f"{currency} {credited:,}"
        }
    if owed_after < 0:
        text += " " + _("%(over)s is to be refunded or credited to the customer.") % {
            "over": f"{currency} {-owed_after:,}"
        }
    return [Impact(ImpactArea.MONEY, text, _("Finance"))]


def shipping_and_money_impact(context) -> list[Impact]:
    return [*shipping_impact(context), *packing_impact(context), *balance_impact(context)]


MAIN_MARKS, SIDE_MARKS = "shipping.marks.main", "shipping.marks.side"


def marks_fields(order) -> list[ChangeField]:
    """The shipping marks a change request may change (R8: packing and shipping-mark data)."""
    marks = ShippingMarks.objects.filter(order=order).first()
    if marks is None:
        return []
    return [
        ChangeField(
            MAIN_MARKS, _("Main (front) marks"), Aspect.STYLE, marks.main_marks.strip(), True
        ),
        ChangeField(SIDE_MARKS, _("Side marks"), Aspect.STYLE, marks.side_marks.strip(), True),
    ]


def shipping_fields(order) -> list[ChangeField]:
    return [*marks_fields(order), *packing_fields(order)]


def _apply_marks(context) -> None:
    """New marks as the change states them; the customer confirmed them with the change (R8),
    which stands as their R23 confirmation."""
    marks = ShippingMarks.objects.filter(order=context.order).first()
    if marks is None:
        return
    main = context.extra.get(MAIN_MARKS, marks.main_marks.strip())
    side = context.extra.get(SIDE_MARKS, marks.side_marks.strip())
    if (main, side) == (marks.main_marks.strip(), marks.side_marks.strip()):
        return
    change = context.change
    marks.main_marks, marks.side_marks = main, side
    marks.updated_at = timezone.now()
    marks.confirmed_on = change.customer_confirmed_on
    marks.confirmed_by_customer = change.customer_confirmed_by
    marks.confirmation_reference = (
        f"{change.label} {change.customer_confirmation_reference}".strip()
    )
    marks.save()


def shipping_apply(context) -> None:
    """The inspections not yet done are booked for the order's new quantity; changed marks
    are written; the packing list is drawn up again for the new lines and cartons."""
    if context.diff.touches(Aspect.QUANTITY):
        _open_bookings(context.order).update(lot_size=context.diff.after.quantity)
    _apply_marks(context)
    packing_apply(context)


def register() -> None:
    register_change_contributor(
        code="shipping",
        fields=shipping_fields,
        impact=shipping_and_money_impact,
        apply=shipping_apply,
        order=50,
    )
