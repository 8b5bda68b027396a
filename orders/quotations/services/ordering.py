"""R18 → the order: a won quotation becomes a new order in Received through the same service
the new-order form uses, with the quotation's customer, style, terms and price for the
quantity; its costing stays with it and the contract review reads it from there."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from orders.models import Order
from orders.quotations import permissions
from orders.quotations.choices import CostKind, QuotationEvent, QuotationStatus
from orders.quotations.models import Quotation
from orders.quotations.services.common import lock_quotation, record
from orders.services.common import ActionRefused
from orders.services.orders import order_create


def r18_price_for_quantity(quotation: Quotation, quantity: int) -> Decimal | None:
    """The quoted price for this many pieces: that of the highest break it reaches."""
    reached = [item for item in quotation.price_breaks.all() if item.min_quantity <= quantity]
    return max(reached, key=lambda item: item.min_quantity).unit_price if reached else None


def _refuse_unless_ready(quotation: Quotation, user, quantity: int) -> Decimal:
    if not permissions.can_prepare(quotation, user):
        raise ActionRefused(_("You may not change this quotation."))
    if quotation.status != QuotationStatus.WON:
        raise ActionRefused(_("Only a won quotation becomes an order."))
    if quotation.order_id is not None:
        raise ActionRefused(
            _("This quotation already became order %(order)s.") % {"order": quotation.order}
        )
    price = r18_price_for_quantity(quotation, quantity)
    if price is None:
        smallest = min(item.min_quantity for item in quotation.price_breaks.all())
        raise ActionRefused(
            _("The quotation's prices start at %(quantity)s pcs.") % {"quantity": smallest}
        )
    return price


def quotation_create_order(
    *,
    quotation_id: int,
    user,
    po_number: str,
    factory_id: int,
    order_date: date,
    customer_date: date,
    ex_factory_date: date,
    colour: str,
    quantity: int,
    size_breakdown: dict | None = None,
) -> Order:
    with transaction.atomic():
        quotation = lock_quotation(quotation_id)
        price = _refuse_unless_ready(quotation, user, quantity)
        data = {
            "customer": quotation.customer,
            "po_number": (po_number or "").strip(),
            "style_no": quotation.style_no,
            "description": quotation.description,
            "season": quotation.season,
            "currency": quotation.currency,
            "incoterm": quotation.incoterm,
            "payment_terms": quotation.payment_terms or quotation.customer.default_payment_terms,
            # R10: commission terms need the general manager on the contract too.
            "commission": any(
                line.kind == CostKind.COMMISSION and line.amount > 0
                for line in quotation.costing_lines.all()
            ),
            "order_date": order_date,
            "customer_date": customer_date,
            "ex_factory_date": ex_factory_date,
            "factory_id": factory_id,
        }
        line = {
            "colour": (colour or "").strip(),
            "quantity": quantity,
            "unit_price": price,
            "size_breakdown": size_breakdown or {},
        }
        try:
            order = order_create(user=user, data=data, lines=[line], comment=f"{quotation.label}")
        except ValidationError as invalid:
            raise ActionRefused(" ".join(invalid.messages)) from invalid
        quotation.order = order
        quotation.save(update_fields=["order", "updated_at"])
        record(quotation, user=user, action=QuotationEvent.ORDER_CREATED, comment=str(order))
    return order
