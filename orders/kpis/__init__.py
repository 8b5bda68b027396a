"""Managers' KPIs: each app registers its figures here (in AppConfig.ready()), so the KPIs page
and a factory's scorecard show them without orders/ knowing those apps."""

from collections.abc import Callable
from dataclasses import dataclass, field

from orders.exports.tables import Column, Kind, Table


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
    compute: Callable[[], KpiTable]
    help: object = ""
    order: int = 100
    # A factory's own figures for its scorecard, if the KPI has any.
    scorecard: Callable[[object], list[ScorecardFigure]] | None = field(default=None)


_kpis: dict[str, Kpi] = {}


def register_kpi(kpi: Kpi) -> None:
    _kpis[kpi.code] = kpi


def kpis() -> list[Kpi]:
    return sorted(_kpis.values(), key=lambda kpi: (kpi.order, kpi.code))


def kpi(code: str) -> Kpi | None:
    return _kpis.get(code)


def scorecard(factory) -> list[ScorecardFigure]:
    return [figure for k in kpis() if k.scorecard for figure in k.scorecard(factory)]


class KpiExport(Table):
    """One KPI's table through the lists' Excel/CSV writers."""

    def __init__(self, user, kpi: Kpi, table: KpiTable):
        super().__init__(user)
        self.title = kpi.title
        self.kpi_table = table

    def columns(self) -> list[Column]:
        return self.kpi_table.columns

    def all_rows(self):
        return iter(self.kpi_table.rows)


def percent(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
