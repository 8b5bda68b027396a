"""ISO 2859-1 single sampling, normal inspection, checked against the standard's values.

The expected values are written here by hand, independently of the tables in shipping/aql.py:
Table 1 as printed in the standard, and the plans actually used (after the arrows) for every code
letter and every AQL as tabulated in the AQLSchemes R package (J. Lawson), which was
cross-checked against the printed Table 2-A (e.g. G/2.5 → 32 pcs 2/3, J/2.5 → 80 pcs 5/6,
K/10 → 125 pcs 21/22, K/15 → arrow up to J, 80 pcs 21/22)."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from shipping import aql

LEVELS = ["S-1", "S-2", "S-3", "S-4", "I", "II", "III"]

# Table 1: (smallest lot, largest lot, letters for S-1 S-2 S-3 S-4 I II III)
TABLE_1 = [
    (2, 8, "AAAAAAB"),
    (9, 15, "AAAAABC"),
    (16, 25, "AABBBCD"),
    (26, 50, "ABBCCDE"),
    (51, 90, "BBCCCEF"),
    (91, 150, "BBCDDFG"),
    (151, 280, "BCDEEGH"),
    (281, 500, "BCDEFHJ"),
    (501, 1200, "CCEFGJK"),
    (1201, 3200, "CDEGHKL"),
    (3201, 10000, "CDFGJLM"),
    (10001, 35000, "CDFHKMN"),
    (35001, 150000, "DEGJLNP"),
    (150001, 500000, "DEGJMPQ"),
    (500001, 10_000_000, "DEHKNQR"),
]

LETTERS = "ABCDEFGHJKLMNPQR"
SAMPLE_SIZE = dict(
    zip(LETTERS, [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000], strict=True)
)

AQLS = ["0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65"]
AQLS += ["1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65", "100", "150", "250"]
AQLS += ["400", "650", "1000"]

# The sample size actually used, per code letter (rows) and AQL (columns, as AQLS).
USED_SAMPLE_SIZE = {
    "A": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 8, 5]
    + [3, 2, 5, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    "B": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 8, 5]
    + [3, 2, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    "C": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 8, 5]
    + [3, 8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3],
    "D": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 8, 5]
    + [13, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 3],
    "E": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 8, 20]
    + [13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 8, 5, 3],
    "F": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 13, 32, 20]
    + [20, 20, 20, 20, 20, 20, 20, 13, 13, 13, 8, 5, 3],
    "G": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 20, 50, 32, 32]
    + [32, 32, 32, 32, 32, 32, 20, 13, 13, 13, 8, 5, 3],
    "H": [1250, 800, 500, 315, 200, 125, 80, 50, 32, 80, 50, 50, 50]
    + [50, 50, 50, 50, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "J": [1250, 800, 500, 315, 200, 125, 80, 50, 125, 80, 80, 80, 80]
    + [80, 80, 80, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "K": [1250, 800, 500, 315, 200, 125, 80, 200, 125, 125, 125, 125, 125]
    + [125, 125, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "L": [1250, 800, 500, 315, 200, 125, 315, 200, 200, 200, 200, 200, 200]
    + [200, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "M": [1250, 800, 500, 315, 200, 500, 315, 315, 315, 315, 315, 315, 315]
    + [315, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "N": [1250, 800, 500, 315, 800, 500, 500, 500, 500, 500, 500, 500, 500]
    + [315, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "P": [1250, 800, 500, 1250, 800, 800, 800, 800, 800, 800, 800, 800, 500]
    + [315, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "Q": [1250, 800, 2000, 1250, 1250, 1250, 1250, 1250, 1250, 1250, 1250, 800, 500]
    + [315, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
    "R": [1250, 800, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 1250, 800, 500]
    + [315, 200, 125, 80, 50, 32, 20, 13, 13, 13, 8, 5, 3],
}

# The acceptance number actually used, per AQL (keys) for the code letters A..R (16 values).
# Re is Ac + 1 in every single sampling plan of normal inspection.
USED_ACCEPT = {
    "0.010": [0] * 16,
    "0.015": [0] * 16,
    "0.025": [0] * 14 + [1, 1],
    "0.040": [0] * 13 + [1, 1, 2],
    "0.065": [0] * 12 + [1, 1, 2, 3],
    "0.10": [0] * 11 + [1, 1, 2, 3, 5],
    "0.15": [0] * 10 + [1, 1, 2, 3, 5, 7],
    "0.25": [0] * 9 + [1, 1, 2, 3, 5, 7, 10],
    "0.40": [0] * 8 + [1, 1, 2, 3, 5, 7, 10, 14],
    "0.65": [0] * 7 + [1, 1, 2, 3, 5, 7, 10, 14, 21],
    "1.0": [0] * 6 + [1, 1, 2, 3, 5, 7, 10, 14, 21, 21],
    "1.5": [0] * 5 + [1, 1, 2, 3, 5, 7, 10, 14, 21, 21, 21],
    "2.5": [0] * 4 + [1, 1, 2, 3, 5, 7, 10, 14, 21, 21, 21, 21],
    "4.0": [0] * 3 + [1, 1, 2, 3, 5, 7, 10, 14] + [21] * 5,
    "6.5": [0, 0, 1, 1, 2, 3, 5, 7, 10, 14, 21] + [21] * 5,
    "10": [1, 1, 1, 2, 3, 5, 7, 10, 14, 21] + [21] * 6,
    "15": [1, 1, 2, 3, 5, 7, 10, 14, 21] + [21] * 7,
    "25": [1, 2, 3, 5, 7, 10, 14, 21] + [21] * 8,
    "40": [2, 3, 5, 7, 10, 14, 21] + [21] * 9,
    "65": [3, 5, 7, 10, 14, 21] + [21] * 10,
    "100": [5, 7, 10, 14, 21] + [21] * 11,
    "150": [7, 10, 14, 21, 30] + [30] * 11,
    "250": [10, 14, 21, 30, 44] + [44] * 11,
    "400": [14, 21, 30, 44] + [44] * 12,
    "650": [21, 30, 44] + [44] * 13,
    "1000": [30, 44] + [44] * 14,
}


def test_aql_columns_are_the_standard_values_from_0_010_to_1000():
    assert list(aql.AQL_VALUES) == AQLS


@pytest.mark.parametrize(("low", "high", "letters"), TABLE_1)
@pytest.mark.parametrize("level_index", range(7))
def test_table_1_code_letter_for_every_lot_size_range_and_level(low, high, letters, level_index):
    level = LEVELS[level_index]
    for lot in (low, (low + high) // 2, high):
        assert aql.code_letter(lot, level) == letters[level_index], (lot, level)


def test_table_1_lot_of_one_reads_the_first_row():
    assert aql.code_letter(1, "II") == "A"


@pytest.mark.parametrize("letter", LETTERS)
def test_sample_size_for_every_code_letter(letter):
    assert aql.SAMPLE_SIZES[letter] == SAMPLE_SIZE[letter]


@pytest.mark.parametrize("letter", LETTERS)
def test_table_2a_plan_actually_used_for_every_code_letter_and_aql(letter):
    row = LETTERS.index(letter)
    for column, value in enumerate(AQLS):
        used, accept, reject = aql.resolve(letter, value)
        expected_ac = USED_ACCEPT[value][row]
        assert (SAMPLE_SIZE[used], accept, reject) == (
            USED_SAMPLE_SIZE[letter][column],
            expected_ac,
            expected_ac + 1,
        ), (letter, value)


@pytest.mark.parametrize(
    ("lot", "level", "value", "expected"),
    [
        # Plain cells, no arrow.
        (1000, "II", "2.5", ("J", 80, 5, 6)),
        (3000, "II", "2.5", ("K", 125, 7, 8)),
        (3000, "II", "4.0", ("K", 125, 10, 11)),
        (200, "II", "2.5", ("G", 32, 2, 3)),
        # Arrow down: letter C at AQL 0.65 points down to F (20 pcs, 0/1).
        (20, "II", "0.65", ("F", 20, 0, 1)),
        # Arrow down past the 1/2 cell: G at 1.0 → H, 50 pcs, 1/2.
        (200, "II", "1.0", ("H", 50, 1, 2)),
        # Arrow up: J at 0.25 → H, 50 pcs, 0/1.
        (1000, "II", "0.25", ("H", 50, 0, 1)),
        # Arrow up in the upper right: K at 15 → J, 80 pcs, 21/22.
        (3000, "II", "15", ("J", 80, 21, 22)),
        # Special levels (ISO 2859-1 examples for lots of 35 001–150 000).
        (100_000, "S-4", "0.65", ("J", 80, 1, 2)),
        (100_000, "S-3", "0.65", ("F", 20, 0, 1)),
        (100_000, "S-4", "0.40", ("K", 125, 1, 2)),
        (100_000, "S-4", "0.25", ("H", 50, 0, 1)),
        # Critical defects at AQL 0.010 always lead to Q, 1250 pcs, 0/1.
        (600_000, "III", "0.010", ("Q", 1250, 0, 1)),
    ],
)
def test_sampling_plan_follows_the_arrows(lot, level, value, expected):
    plan = aql.sampling_plan(lot, level, value)
    assert (plan.code_letter, plan.sample_size, plan.accept, plan.reject) == expected


def test_sample_size_at_or_above_the_lot_size_means_100_percent_inspection():
    plan = aql.sampling_plan(12, "II", "0.65")  # B → arrow down to F: 20 pcs > 12
    assert plan.code_letter == "F"
    assert plan.sample_size == 12
    assert plan.full_inspection
    assert (plan.accept, plan.reject) == (0, 1)


@pytest.mark.parametrize(
    ("value", "column"),
    [("2.50", "2.5"), ("4", "4.0"), (Decimal("0.1"), "0.10"), ("0.01", "0.010")],
)
def test_aql_written_any_way_maps_to_its_column(value, column):
    assert aql.normalize_aql(value) == column


@pytest.mark.parametrize("level", ["G-2", "ii", "s4", "S-4"])
def test_level_aliases(level):
    assert aql.normalize_level(level) in LEVELS


@pytest.mark.parametrize(
    ("lot", "level", "value", "field"),
    [(0, "II", "2.5", "lot"), (-5, "II", "2.5", "lot"), (10, "IV", "2.5", "level")]
    + [(10, "II", "3", "aql"), (10, "II", "x", "aql"), (10, "II", "0.005", "aql")],
)
def test_bad_input_is_refused(lot, level, value, field):
    with pytest.raises(aql.AQLError) as error:
        aql.sampling_plan(lot, level, value)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("defects", "accepted"), [(0, True), (4, True), (5, True), (6, False), (7, False)]
)
def test_verdict_at_the_accept_reject_boundary(defects, accepted):
    plan = aql.sampling_plan(1000, "II", "2.5")  # 80 pcs, Ac 5, Re 6
    assert plan.verdict(defects) is accepted


def test_command_json_prints_exactly_the_plan_actually_used(capsys):
    call_command("aql", "--lot", "20", "--level", "II", "--aql", "0.65", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "code_letter": "F",
        "sample_size": 20,
        "accept": 0,
        "reject": 1,
    }


def test_command_human_output_names_the_arrow(capsys):
    call_command("aql", "--lot", "20", "--aql", "0.65")
    out = capsys.readouterr().out
    assert "Code letter from Table 1: C" in out
    assert "Sample size: 20 (code letter F)" in out
    assert "Accept with 0 or fewer defects; reject with 1 or more." in out


@pytest.mark.parametrize(
    "args",
    [
        ["--lot", "0", "--aql", "2.5"],
        ["--lot", "ten", "--aql", "2.5"],
        ["--lot", "100", "--level", "IV", "--aql", "2.5"],
        ["--lot", "100", "--aql", "3.0"],
    ],
)
def test_command_bad_input_is_a_clear_command_error(args):
    with pytest.raises(CommandError):
        call_command("aql", *args)
