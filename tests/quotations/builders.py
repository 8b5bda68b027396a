from datetime import date, timedelta
from decimal import Decimal

from orders.quotations.choices import CostBasis, CostKind
from orders.quotations.services import costing_save, quotation_create

# A shirt costed in CNY and sold in USD at 7.20: 30.00 factory price, 3.60 washing per piece,
# a 1,440.00 test per order, 5 % commission.
SHIRT_COSTING = [
    {"kind": CostKind.FACTORY_PRICE, "basis": CostBasis.PER_PIECE, "amount": Decimal("30.00")},
    {"kind": CostKind.WASHING, "basis": CostBasis.PER_PIECE, "amount": Decimal("3.60")},
    {"kind": CostKind.TESTING, "basis": CostBasis.PER_ORDER, "amount": Decimal("1440.00")},
    {"kind": CostKind.COMMISSION, "basis": CostBasis.PERCENT_OF_PRICE, "amount": Decimal("5")},
]
SHIRT_BREAKS = [
    {"min_quantity": 500, "unit_price": Decimal("6.50")},
    {"min_quantity": 2000, "unit_price": Decimal("6.00")},
]


def make_quotation(*, user, customer, costing=None, breaks=None, valid_until=None, **fields):
    fields.setdefault("style_no", "ST-700")
    fields.setdefault("description", "Men's oxford shirt")
    fields.setdefault("currency", "USD")
    fields.setdefault("cost_currency", "CNY")
    fields.setdefault("exchange_rate", Decimal("7.20"))
    fields.setdefault("target_margin_percent", Decimal("15"))
    quotation = quotation_create(
        user=user,
        customer_id=customer.pk,
        valid_until=valid_until or date.today() + timedelta(days=30),
        **fields,
    )
    return costing_save(
        quotation_id=quotation.pk,
        user=user,
        lines=SHIRT_COSTING if costing is None else costing,
        breaks=SHIRT_BREAKS if breaks is None else breaks,
    )
