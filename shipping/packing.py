"""Packing list arithmetic, pure: the order's size breakdown packed into cartons.

Each colour and size is packed on its own (cartons are not mixed), full cartons first and the
remainder in a last, lighter carton; cartons are numbered on from one row to the next."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WEIGHT = Decimal("0.001")
VOLUME = Decimal("0.0001")


@dataclass(frozen=True)
class CartonSpec:
    pieces_per_carton: int
    net_weight_per_piece_kg: Decimal
    carton_weight_kg: Decimal
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal

    @property
    def cbm_per_carton(self) -> Decimal:
        return (self.length_cm * self.width_cm * self.height_cm / Decimal(1_000_000)).quantize(
            VOLUME, rounding=ROUND_HALF_UP
        )


@dataclass(frozen=True)
class PackedRow:
    carton_from: int
    carton_to: int
    colour: str
    size: str
    pieces_per_carton: int
    cartons: int
    pieces: int
    net_weight_kg: Decimal
    gross_weight_kg: Decimal
    cbm: Decimal


def _row(start: int, colour: str, size: str, per_carton: int, cartons: int, spec: CartonSpec):
    net_per_carton = (spec.net_weight_per_piece_kg * per_carton).quantize(
        WEIGHT, rounding=ROUND_HALF_UP
    )
    gross_per_carton = net_per_carton + spec.carton_weight_kg
    return PackedRow(
        carton_from=start,
        carton_to=start + cartons - 1,
        colour=colour,
        size=size,
        pieces_per_carton=per_carton,
        cartons=cartons,
        pieces=per_carton * cartons,
        net_weight_kg=net_per_carton * cartons,
        gross_weight_kg=(gross_per_carton * cartons).quantize(WEIGHT),
        cbm=spec.cbm_per_carton * cartons,
    )


def pack(lines: list[tuple[str, dict[str, int]]], spec: CartonSpec) -> list[PackedRow]:
    """lines: (colour, {size: pieces}) in the order's order."""
    if spec.pieces_per_carton < 1:
        raise ValueError("pieces per carton must be at least 1")
    rows: list[PackedRow] = []
    next_carton = 1
    for colour, breakdown in lines:
        for size, pieces in breakdown.items():
            pieces = int(pieces)
            full, remainder = divmod(pieces, spec.pieces_per_carton)
            if full:
                rows.append(_row(next_carton, colour, size, spec.pieces_per_carton, full, spec))
                next_carton += full
            if remainder:
                rows.append(_row(next_carton, colour, size, remainder, 1, spec))
                next_carton += 1
    return rows
