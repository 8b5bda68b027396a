"""The quotation's estimated cost and margin beside the price, on the order page during the
contract review (R18 with R10): orders/ knows nothing of quotations, the section plugs in."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.money import Money
from orders.quotations import permissions
from orders.quotations.costing import price_text, r18_margin_percent, r18_unit_cost
from orders.quotations.models import Quotation
from orders.sections import register_section


def r18_order_estimate(order, quotation: Quotation) -> dict | None:
    """The order's price against the quotation's costing at the order's own quantity."""
    quantity = order.total_quantity
    if not quantity:
        return None
    price = Decimal(order.total_amount.amount) / Decimal(quantity)
    cost = r18_unit_cost(
        quotation.cost_parts(),
        exchange_rate=quotation.exchange_rate,
        quantity=quantity,
        unit_price=price,
    )
    return {
        "quantity": quantity,
        "price": price_text(price, order.currency),
        "cost": price_text(cost, order.currency),
        "margin_percent": r18_margin_percent(unit_price=price, unit_cost=cost),
        "total_cost": Money(cost * quantity, order.currency),
        "total_margin": Money((price - cost) * quantity, order.currency),
        "below_target": r18_margin_percent(unit_price=price, unit_cost=cost)
        < quotation.target_margin_percent,
    }


def section_context(order, user) -> dict:
    quotation = (
        Quotation.objects.filter(order=order)
        .prefetch_related("costing_lines", "price_breaks")
        .first()
    )
    if quotation is not None and not permissions.can_see(quotation, user):
        # Its costing is commercial: QC, the warehouse and PMC see the order, not its margin.
        return {"quotation": None, "estimate": None, "withheld": True}
    return {
        "quotation": quotation,
        "estimate": r18_order_estimate(order, quotation) if quotation else None,
    }


def register_sections() -> None:
    register_section(
        code="quotation",
        title=_("Quotation, estimated cost and margin"),
        template="quotations/section.html",
        context=section_context,
        order=2,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED],
    )
