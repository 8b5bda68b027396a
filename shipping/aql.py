"""AQL sampling as in ISO 2859-1: single sampling plans, normal inspection. Pure Python, no DB.

Table 1 gives the sample size code letter for a lot size and inspection level; Table 2-A gives,
for each code letter and AQL, either the acceptance / rejection numbers or an arrow to the first
plan below (v) or above (^). An arrow changes the plan: its sample size AND its Ac/Re come from
the row it points to. Both tables are written out below as in the standard, so they can be read
against the printed page.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")
LEVEL_ALIASES = {"G-1": "I", "G-2": "II", "G-3": "III", "GI": "I", "GII": "II", "GIII": "III"}

# Table 1 — sample size code letters. Upper bound of each lot-size range, then the letter per
# level in the order of LEVELS. The last range (500 001 and over) has no upper bound.
TABLE_1 = """
        8   A A A A  A A B
       15   A A A A  A B C
       25   A A B B  B C D
       50   A B B C  C D E
       90   B B C C  C E F
      150   B B C D  D F G
      280   B C D E  E G H
      500   B C D E  F H J
     1200   C C E F  G J K
     3200   C D E G  H K L
    10000   C D F G  J L M
    35000   C D F H  K M N
   150000   D E G J  L N P
   500000   D E G J  M P Q
        *   D E H K  N Q R
"""

SAMPLE_SIZES = {
    "A": 2,
    "B": 3,
    "C": 5,
    "D": 8,
    "E": 13,
    "F": 20,
    "G": 32,
    "H": 50,
    "J": 80,
    "K": 125,
    "L": 200,
    "M": 315,
    "N": 500,
    "P": 800,
    "Q": 1250,
    "R": 2000,
}
CODE_LETTERS = tuple(SAMPLE_SIZES)

# Table 2-A — single sampling plans for normal inspection (master table), in two halves so the
# lines stay readable. "Ac/Re", or v = use the first plan below the arrow, ^ = the first above.
TABLE_2A_LOW = """
AQL 0.010 0.015 0.025 0.040 0.065  0.10  0.15  0.25  0.40  0.65
A       v     v     v     v     v     v     v     v     v     v
B       v     v     v     v     v     v     v     v     v     v
C       v     v     v     v     v     v     v     v     v     v
D       v     v     v     v     v     v     v     v     v     v
E       v     v     v     v     v     v     v     v     v     v
F       v     v     v     v     v     v     v     v     v   0/1
G       v     v     v     v     v     v     v     v   0/1     ^
H       v     v     v     v     v     v     v   0/1     ^     v
J       v     v     v     v     v     v   0/1     ^     v   1/2
K       v     v     v     v     v   0/1     ^     v   1/2   2/3
L       v     v     v     v   0/1     ^     v   1/2   2/3   3/4
M       v     v     v   0/1     ^     v   1/2   2/3   3/4   5/6
N       v     v   0/1     ^     v   1/2   2/3   3/4   5/6   7/8
P       v   0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11
Q     0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15
R       ^     ^   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22
"""
TABLE_2A_HIGH = """
AQL   1.0   1.5   2.5   4.0   6.5    10    15    25    40    65   100   150   250   400   650  1000
A       v     v     v     v   0/1     v     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31
B       v     v     v   0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45
C       v     v   0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ^
D       v   0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ^     ^
E     0/1     ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ^     ^     ^
F       ^     v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^
G       v   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^
H     1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^
J     2/3   3/4   5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^
K     3/4   5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
L     5/6   7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
M     7/8 10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
N   10/11 14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
P   14/15 21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
Q   21/22     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
R       ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^     ^
"""


class AQLError(ValueError):
    """Input the tables cannot answer. `field` names the input ("lot", "level", "aql",
    "defects") so callers can say it in the user's language; the message is for logs."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def aql_error_message(error: AQLError) -> str:
    """The calculator's errors in the user's language: the screen's form, the booking service
    and `manage.py aql` show these."""
    if error.field == "lot":
        return _("The lot size must be a whole number of at least 1.")
    if error.field == "level":
        return _("Unknown inspection level: use one of %(levels)s.") % {"levels": ", ".join(LEVELS)}
    if error.field == "aql":
        return _("This AQL is not in Table 2-A of ISO 2859-1: use one of %(values)s.") % {
            "values": ", ".join(AQL_VALUES)
        }
    return str(error)


@dataclass(frozen=True)
class SamplingPlan:
    lot_size: int
    level: str
    aql: Decimal
    table_letter: str  # the letter Table 1 gives for the lot and level
    code_letter: str  # the letter of the plan actually used, after following the arrows
    sample_size: int  # pieces to draw; the whole lot when the plan's sample would exceed it
    accept: int
    reject: int

    @property
    def full_inspection(self) -> bool:
        return self.sample_size >= self.lot_size

    @property
    def arrow_followed(self) -> bool:
        return self.code_letter != self.table_letter

    def as_dict(self) -> dict:
        return {
            "code_letter": self.code_letter,
            "sample_size": self.sample_size,
            "accept": self.accept,
            "reject": self.reject,
        }

    def verdict(self, defects: int) -> bool:
        """True when the lot is accepted for this class: defects ≤ Ac; ≥ Re rejects."""
        if defects < 0:
            raise AQLError("defects", "The number of defects cannot be negative.")
        return defects <= self.accept


def _parse_table_1() -> list[tuple[int | None, dict[str, str]]]:
    ranges = []
    for line in TABLE_1.strip().splitlines():
        bound, *letters = line.split()
        ranges.append(
            (None if bound == "*" else int(bound), dict(zip(LEVELS, letters, strict=True)))
        )
    return ranges


def _parse_table_2a() -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    aqls: list[str] = []
    cells: dict[str, dict[str, str]] = {letter: {} for letter in CODE_LETTERS}
    for block in (TABLE_2A_LOW, TABLE_2A_HIGH):
        header, *rows = block.strip().splitlines()
        columns = header.split()[1:]
        aqls.extend(columns)
        for row in rows:
            letter, *values = row.split()
            cells[letter].update(zip(columns, values, strict=True))
    return tuple(aqls), cells


CODE_LETTER_RANGES = _parse_table_1()
AQL_VALUES, TABLE_2A = _parse_table_2a()
_AQL_BY_VALUE = {Decimal(value): value for value in AQL_VALUES}


def normalize_level(level: str) -> str:
    key = str(level).strip().upper().replace(" ", "")
    key = LEVEL_ALIASES.get(key, key)
    if key.startswith("S") and not key.startswith("S-"):
        key = "S-" + key[1:]
    if key not in LEVELS:
        raise AQLError("level", f"Unknown inspection level {level!r}.")
    return key


def normalize_aql(aql) -> str:
    """The AQL as the column heading of Table 2-A ("0.65", "10"...), whatever way it was typed."""
    try:
        value = Decimal(str(aql).strip())
    except (InvalidOperation, ValueError):
        raise AQLError("aql", f"{aql!r} is not an AQL value.") from None
    if value not in _AQL_BY_VALUE:
        raise AQLError("aql", f"AQL {aql} is not in Table 2-A.")
    return _AQL_BY_VALUE[value]


def code_letter(lot_size: int, level: str = "II") -> str:
    """Table 1: the sample size code letter. A lot of 1 reads the first row (2 to 8)."""
    if isinstance(lot_size, bool) or not isinstance(lot_size, int) or lot_size < 1:
        raise AQLError("lot", f"The lot size must be a whole number ≥ 1, not {lot_size!r}.")
    level = normalize_level(level)
    for upper, letters in CODE_LETTER_RANGES:
        if upper is None or lot_size <= upper:
            return letters[level]
    raise AssertionError("Table 1 has an open last range")


def resolve(letter: str, aql) -> tuple[str, int, int]:
    """Table 2-A: follow the arrows from (letter, AQL) to a plan; (letter used, Ac, Re)."""
    column = normalize_aql(aql)
    index = CODE_LETTERS.index(letter)
    while True:
        cell = TABLE_2A[CODE_LETTERS[index]][column]
        if cell == "v":
            index += 1
        elif cell == "^":
            index -= 1
        else:
            accept, reject = (int(n) for n in cell.split("/"))
            return CODE_LETTERS[index], accept, reject


def sampling_plan(lot_size: int, level: str = "II", aql="2.5") -> SamplingPlan:
    level = normalize_level(level)
    column = normalize_aql(aql)
    letter = code_letter(lot_size, level)
    used, accept, reject = resolve(letter, column)
    return SamplingPlan(
        lot_size=lot_size,
        level=level,
        aql=Decimal(column),
        table_letter=letter,
        code_letter=used,
        sample_size=min(SAMPLE_SIZES[used], lot_size),
        accept=accept,
        reject=reject,
    )
