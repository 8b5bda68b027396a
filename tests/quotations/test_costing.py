"""R18: the margin arithmetic, in Decimal, with exchange rates and quantity breaks."""

from decimal import Decimal

import pytest

from orders.quotations.choices import CostBasis
from orders.quotations.costing import (
    CostParts,
    price_text,
    r18_break_figures,
    r18_margin_percent,
    r18_price_for_margin,
    r18_unit_cost,
)
from orders.quotations.models import QuotationPolicy
from tests.factories import make_order
from tests.quotations.builders import make_quotation


class Line:
    def __init__(self, basis, amount):
        self.basis, self.amount = basis, Decimal(amount)


SHIRT = CostParts.of(
    [
        Line(CostBasis.PER_PIECE, "33.60"),
        Line(CostBasis.PER_ORDER, "1440.00"),
        Line(CostBasis.PERCENT_OF_PRICE, "5"),
    ]
)


def test_r18_unit_cost_converts_the_cost_currency_and_spreads_order_costs():
    # (33.60 + 1440/500) / 7.20 = 5.0667; + 5 % of 6.50 = 0.325 → 5.3917
    cost = r18_unit_cost(
        SHIRT, exchange_rate=Decimal("7.20"), quantity=500, unit_price=Decimal("6.50")
    )
    assert cost == Decimal("5.3917")
    assert isinstance(cost, Decimal)


def test_r18_margin_at_a_bigger_break_spreads_the_test_over_more_pieces():
    small = r18_break_figures(
        SHIRT,
        exchange_rate=Decimal("7.20"),
        min_quantity=500,
        unit_price=Decimal("6.50"),
        target_margin=Decimal("15"),
    )
    big = r18_break_figures(
        SHIRT,
        exchange_rate=Decimal("7.20"),
        min_quantity=2000,
        unit_price=Decimal("6.50"),
        target_margin=Decimal("15"),
    )
    assert small.margin_percent == Decimal("17.05")
    # (33.60 + 0.72) / 7.20 = 4.7667 + 0.325 = 5.0917 → 21.67 %
    assert big.unit_cost == Decimal("5.0917")
    assert big.margin_percent == Decimal("21.67")


def test_r18_exchange_rate_moves_the_margin():
    weaker = r18_unit_cost(
        SHIRT, exchange_rate=Decimal("6.80"), quantity=500, unit_price=Decimal("6.50")
    )
    assert weaker == Decimal("5.6897")
    assert r18_margin_percent(unit_price=Decimal("6.50"), unit_cost=weaker) == Decimal("12.47")


def test_r18_price_for_target_margin_earns_that_margin():
    price = r18_price_for_margin(
        SHIRT, exchange_rate=Decimal("7.20"), quantity=500, margin_percent=Decimal("15")
    )
    # 5.0667 / (1 - 0.15 - 0.05) = 6.3333 → 6.33
    assert price == Decimal("6.33")
    cost = r18_unit_cost(SHIRT, exchange_rate=Decimal("7.20"), quantity=500, unit_price=price)
    assert abs(r18_margin_percent(unit_price=price, unit_cost=cost) - Decimal("15")) < 1


def test_r18_no_price_earns_a_margin_the_percent_lines_leave_no_room_for():
    assert (
        r18_price_for_margin(
            SHIRT, exchange_rate=Decimal("7.20"), quantity=500, margin_percent=Decimal("95")
        )
        is None
    )


def test_r18_price_text_keeps_four_decimals_only_when_they_matter():
    assert price_text(Decimal("6.5"), "USD") == "USD 6.50"
    assert price_text(Decimal("6.1234")) == "6.1234"


def test_r18_margin_float_is_refused():
    with pytest.raises(TypeError):
        r18_unit_cost(SHIRT, exchange_rate=7.2, quantity=500, unit_price=Decimal("6.5"))


@pytest.mark.django_db
def test_r18_special_price_when_a_margin_is_under_the_threshold(merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    assert quotation.special_price_reasons() == []
    QuotationPolicy.objects.filter(pk=1).update(special_price_margin_percent=Decimal("16"))
    quotation = type(quotation).objects.get(pk=quotation.pk)
    reasons = quotation.special_price_reasons()
    # 6.00 from 2,000 pcs earns 15.56 %; 6.50 from 500 pcs earns 17.05 %.
    assert reasons == ["margin 15.56 % from 2000 pcs is under 16.00 %"]


@pytest.mark.django_db
def test_r18_special_price_when_below_the_customers_last_price(merchandiser, customer):
    make_order(
        merchandiser=merchandiser,
        customer=customer,
        style_no="st-700",
        lines=[{"colour": "Navy", "quantity": 1000, "unit_price": Decimal("6.20")}],
    )
    quotation = make_quotation(user=merchandiser, customer=customer)
    reasons = quotation.special_price_reasons()
    assert len(reasons) == 1
    assert "USD 6.00" in reasons[0] and "USD 6.20" in reasons[0]
