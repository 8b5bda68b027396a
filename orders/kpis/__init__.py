"""Managers' KPIs: each app registers its figures here (in AppConfig.ready()), so the KPIs page
and a factory's scorecard show them without orders/ knowing those apps."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.exports.tables import Column, Kind, Table


@dataclass(frozen=True)
class Period:
    """The time a KPI counts: from `since` (the first day of a month) to today, or all time
    (`since` None). Each KPI filters its rows on its own date (shipped on, inspected on,
    recorded at), so the default view reads a year of rows, not all the business ever did."""

    code: str
    label: object
    since: date | None


# (code, label, whole months back counting the current one; None for all time)
PERIODS = [
    ("3m", _("Last 3 months"), 3),
    ("12m", _("Last 12 months"), 12),
    ("all", _("All time"), None),
]
DEFAULT_PERIOD = "12m"


def period(code: str | None = None, *, today: date | None = None) -> Period:
    """The period named `code` (the default one if it names none)."""
    today = today or timezone.localdate()
    found = next((p for p in PERIODS if p[0] == code), None)
    code, label, months = found or next(p for p in PERIODS if p[0] == DEFAULT_PERIOD)
    if months is None:
        return Period(code, label, None)
    month = today.year * 12 + today.month - 1 - (months - 1)
    return Period(code, label, date(month // 12, month % 12 + 1, 1))


def since_filter(field: str, since: date | None, *, moment: bool = False) -> dict:
    """The filter keeping rows from `since` on, for a date field or (moment) a date-time one,
    compared as it is stored so that the field's index serves it."""
    if since is None:
        return {}
    if moment:
        return {f"{field}__gte": timezone.make_aware(datetime.combine(since, time.min))}
    return {f"{field}__gte": since}


def periods() -> list[tuple[str, object]]:
    return [(code, label) for code, label, _months in PERIODS]


@dataclass
class KpiTable:
    """The numbers behind a KPI: a table (first column the label), and which column is charted."""

    columns: list[Column]
    rows: list[list]
    chart_column: int | None = None

    @property
    def lines(self) -> list[list[tuple]]:
        """Each row's (value, column) pairs, as the lists' cells render them."""
        return [list(zip(row, self.columns, strict=True)) for row in self.rows]

    @property
    def bars(self) -> list["Bar"]:
        if self.chart_column is None:
            return []
        column = self.columns[self.chart_column]
        values = [row[self.chart_column] for row in self.rows]
        top = 1 if column.kind == Kind.PERCENT else max((v or 0 for v in values), default=0) or 1
        return [
            Bar(str(row[0]), value, round(100 * (value or 0) / top, 1), column.kind)
            for row, value in zip(self.rows, values, strict=True)
        ]


@dataclass(frozen=True)
class Bar:
    label: str
    value: object
    width: float  # percent of the chart's width
    kind: str


@dataclass(frozen=True)
class ScorecardFigure:
    label: object
    value: object
    kind: str = Kind.TEXT
    help: object = ""


@dataclass(frozen=True)
class Kpi:
    code: str
    title: object
    # The figures from `since` (a date, or None for all time) to today.
    compute: Callable[[date | None], KpiTable]
    help: object = ""
    order: int = 100
    # A factory's own figures for its scorecard, if the KPI has any: (factory, since).
    scorecard: Callable[[object, date | None], list[ScorecardFigure]] | None = field(default=None)


_kpis: dict[str, Kpi] = {}


def register_kpi(kpi: Kpi) -> None:
    _kpis[kpi.code] = kpi


def kpis() -> list[Kpi]:
    return sorted(_kpis.values(), key=lambda kpi: (kpi.order, kpi.code))


def kpi(code: str) -> Kpi | None:
    return _kpis.get(code)


def scorecard(factory, since: date | None) -> list[ScorecardFigure]:
    return [figure for k in kpis() if k.scorecard for figure in k.scorecard(factory, since)]


class KpiExport(Table):
    """One KPI's table through the lists' Excel/CSV writers."""

    def __init__(self, user, kpi: Kpi, table: KpiTable, period: Period | None = None):
        super().__init__(user)
        self.title = kpi.title
        self.period = period
        self.kpi_table = table

    def columns(self) -> list[Column]:
        return self.kpi_table.columns

    def all_rows(self):
        return iter(self.kpi_table.rows)

    def filters(self) -> list[tuple[str, str]]:
        return [(str(_("Period")), str(self.period.label))] if self.period else []


def percent(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
