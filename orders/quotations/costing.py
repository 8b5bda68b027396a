"""R18 costing arithmetic, in Decimal throughout (never float).

Costing lines are entered in the cost currency (usually what the factory quotes in, e.g. CNY);
the selling price is in the selling currency. `exchange_rate` is how many units of the cost
currency make one unit of the selling currency (7.20 CNY per USD). A line is per piece, per
order (testing, a courier: spread over the break's quantity) or a percent of the selling price
(commission, financing, duty on the value)."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from orders.quotations.choices import CostBasis

HUNDRED = Decimal("100")
CENT = Decimal("0.01")
PRICE_PLACES = Decimal("0.0001")


def _decimal(value) -> Decimal:
    """Figures are Decimal or int; a float would carry its binary error into the margin."""
    if isinstance(value, float):
        raise TypeError("costing takes Decimal, not float")
    return Decimal(value)


@dataclass(frozen=True)
class CostParts:
    """The costing lines summed by basis, in the cost currency (percent lines in percent)."""

    per_piece: Decimal
    per_order: Decimal
    percent_of_price: Decimal

    @classmethod
    def of(cls, lines: Iterable) -> "CostParts":
        sums = {basis: Decimal("0") for basis in CostBasis.values}
        for line in lines:
            sums[line.basis] += _decimal(line.amount)
        return cls(
            sums[CostBasis.PER_PIECE], sums[CostBasis.PER_ORDER], sums[CostBasis.PERCENT_OF_PRICE]
        )


@dataclass(frozen=True)
class BreakFigures:
    """One quantity break as the approver reads it: price, cost and margin per piece."""

    min_quantity: int
    unit_price: Decimal
    unit_cost: Decimal
    margin: Decimal
    margin_percent: Decimal | None
    price_for_target: Decimal | None


def fixed_cost_per_piece(parts: CostParts, *, exchange_rate: Decimal, quantity: int) -> Decimal:
    """The per-piece and per-order lines as a cost per piece in the selling currency."""
    rate = _decimal(exchange_rate)
    if rate <= 0 or quantity <= 0:
        raise ValueError("exchange rate and quantity must be positive")
    return (parts.per_piece + parts.per_order / Decimal(quantity)) / rate


def r18_unit_cost(
    parts: CostParts, *, exchange_rate: Decimal, quantity: int, unit_price: Decimal
) -> Decimal:
    """R18: the full cost of one piece at this price and quantity, in the selling currency."""
    fixed = fixed_cost_per_piece(parts, exchange_rate=exchange_rate, quantity=quantity)
    return (fixed + _decimal(unit_price) * parts.percent_of_price / HUNDRED).quantize(
        PRICE_PLACES, rounding=ROUND_HALF_UP
    )


def r18_margin_percent(*, unit_price: Decimal, unit_cost: Decimal) -> Decimal | None:
    """R18: the margin as a percent of the selling price (None without a price)."""
    if not unit_price:
        return None
    return ((_decimal(unit_price) - unit_cost) / _decimal(unit_price) * HUNDRED).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def r18_price_for_margin(
    parts: CostParts, *, exchange_rate: Decimal, quantity: int, margin_percent: Decimal
) -> Decimal | None:
    """R18: the selling price that earns `margin_percent` at this quantity, or None when the
    percent lines and the margin together take the whole price."""
    share_left = HUNDRED - _decimal(margin_percent) - parts.percent_of_price
    if share_left <= 0:
        return None
    fixed = fixed_cost_per_piece(parts, exchange_rate=exchange_rate, quantity=quantity)
    return (fixed * HUNDRED / share_left).quantize(CENT, rounding=ROUND_HALF_UP)


def r18_break_figures(
    parts: CostParts,
    *,
    exchange_rate: Decimal,
    min_quantity: int,
    unit_price: Decimal,
    target_margin: Decimal | None,
) -> BreakFigures:
    cost = r18_unit_cost(
        parts, exchange_rate=exchange_rate, quantity=min_quantity, unit_price=unit_price
    )
    target = None
    if target_margin is not None:
        target = r18_price_for_margin(
            parts, exchange_rate=exchange_rate, quantity=min_quantity, margin_percent=target_margin
        )
    return BreakFigures(
        min_quantity=min_quantity,
        unit_price=Decimal(unit_price),
        unit_cost=cost,
        margin=(Decimal(unit_price) - cost).quantize(PRICE_PLACES, rounding=ROUND_HALF_UP),
        margin_percent=r18_margin_percent(unit_price=unit_price, unit_cost=cost),
        price_for_target=target,
    )


def price_text(value: Decimal, currency: str = "") -> str:
    """A unit price as printed: at least two decimals, up to four when they matter."""
    text = f"{Decimal(value).quantize(PRICE_PLACES, rounding=ROUND_HALF_UP):f}"
    whole, _dot, decimals = text.partition(".")
    decimals = decimals.rstrip("0").ljust(2, "0")
    return f"{currency} {whole}.{decimals}".strip()
