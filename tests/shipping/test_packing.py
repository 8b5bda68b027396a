"""Packing list arithmetic: cartons from the size breakdown, remainders in a last carton."""

from decimal import Decimal

import pytest

from shipping.packing import CartonSpec, pack
from shipping.services import packing_list_generate

SPEC = CartonSpec(
    pieces_per_carton=24,
    net_weight_per_piece_kg=Decimal("0.250"),
    carton_weight_kg=Decimal("1.200"),
    length_cm=Decimal("60"),
    width_cm=Decimal("40"),
    height_cm=Decimal("30"),
)


def test_full_cartons_then_a_remainder_carton_numbered_on():
    rows = pack([("Navy", {"S": 100, "M": 48})], SPEC)
    # S: 100 = 4 × 24 + 4 → cartons 1-4 and 5; M: 48 = 2 × 24 → cartons 6-7
    assert [(r.carton_from, r.carton_to, r.size, r.pieces_per_carton, r.cartons) for r in rows] == [
        (1, 4, "S", 24, 4),
        (5, 5, "S", 4, 1),
        (6, 7, "M", 24, 2),
    ]
    assert sum(r.pieces for r in rows) == 148


def test_weights_and_measurement():
    full, remainder = pack([("Red", {"L": 28})], SPEC)
    assert full.net_weight_kg == Decimal("6.000")  # 24 × 0.25
    assert full.gross_weight_kg == Decimal("7.200")  # + 1.2 carton
    assert remainder.net_weight_kg == Decimal("1.000")  # 4 × 0.25
    assert remainder.gross_weight_kg == Decimal("2.200")
    assert full.cbm == Decimal("0.0720")  # 0.6 × 0.4 × 0.3
    assert remainder.cbm == Decimal("0.0720")
    assert all(isinstance(value, Decimal) for value in (full.net_weight_kg, full.cbm))


def test_exact_fill_has_no_remainder_carton():
    rows = pack([("Navy", {"S": 72})], SPEC)
    assert [(r.cartons, r.pieces) for r in rows] == [(3, 72)]


@pytest.mark.django_db
def test_generated_from_the_order_with_totals(order, merchandiser):
    packing_list = packing_list_generate(
        order_id=order.pk,
        user=merchandiser,
        pieces_per_carton=24,
        net_weight_per_piece_kg=Decimal("0.25"),
        carton_weight_kg=Decimal("1.2"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("30"),
    )
    totals = packing_list.totals()
    # S 300 = 12 × 24 + 12; M 400 = 16 × 24 + 16; L 300 = 12 × 24 + 12 → 43 cartons
    assert totals["pieces"] == 1000
    assert totals["cartons"] == 43
    assert totals["net_weight_kg"] == Decimal("250.000")
    assert totals["gross_weight_kg"] == Decimal("250.000") + Decimal("1.2") * 43
    assert totals["cbm"] == Decimal("0.0720") * 43
    assert order.events.filter(action="packing_list_generated").exists()
