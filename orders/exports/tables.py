"""A list's columns and rows, shared by its page and its export."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import QuerySet
from django.utils.translation import gettext as _


class Kind:
    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    MONEY = "money"
    PERCENT = "percent"
    CURRENCY = "currency"
    FLAG = "flag"


DEFAULT_WIDTHS = {
    Kind.DATE: 12,
    Kind.INTEGER: 10,
    Kind.MONEY: 14,
    Kind.PERCENT: 9,
    Kind.CURRENCY: 9,
    Kind.FLAG: 8,
}  # noqa: E501


@dataclass(frozen=True)
class Column:
    label: object
    kind: str = Kind.TEXT
    width: int | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.INTEGER, Kind.MONEY, Kind.PERCENT)

    def excel_width(self) -> int:
        if self.width:
            return self.width
        return DEFAULT_WIDTHS.get(self.kind) or max(12, min(40, len(str(self.label)) + 4))


class Table:
    """Subclasses name the rows (a selector of the page), their columns and how an object
    becomes a row. `rows()` receives a chunk of objects so it can load what they need at once."""

    title: object = ""
    filterset_class = None
    chunk_size = 2000
    paginate_by = 25

    def __init__(self, user, params=None):
        self.user = user
        self.params = params
        self.filterset = (
            self.filterset_class(params or None, queryset=self.queryset(), request=None)
            if self.filterset_class
            else None
        )

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def objects(self) -> QuerySet:
        return self.filterset.qs if self.filterset is not None else self.queryset()

    def columns(self) -> list[Column]:
        raise NotImplementedError

    @cached_property
    def header(self) -> list[Column]:
        """The columns, worked out once (some depend on the rows, e.g. the plan's milestones)."""
        return self.columns()

    def rows(self, objects: list) -> Iterable[list]:
        raise NotImplementedError

    def all_rows(self) -> Iterator[list]:
        """Every row, reading the objects in chunks: memory stays flat however many there are."""
        objects = self.objects()
        if hasattr(objects, "iterator"):
            objects = objects.iterator(chunk_size=self.chunk_size)
        chunk = []
        for obj in objects:
            chunk.append(obj)
            if len(chunk) == self.chunk_size:
                yield from self.rows(chunk)
                chunk = []
        if chunk:
            yield from self.rows(chunk)

    def filters(self) -> list[tuple[str, str]]:
        """The filters the user applied, as the sheet writes them above its table."""
        if self.filterset is None or not self.filterset.is_bound:
            return []
        form = self.filterset.form
        if not form.is_valid():
            return []
        described = []
        for name, field in form.fields.items():
            text = describe(field, form.cleaned_data.get(name))
            if text:
                described.append((str(field.label or name), text))
        return described


def describe(field, value) -> str:
    if value in (None, "", [], False):
        return ""
    if isinstance(value, slice):
        start, stop = value.start, value.stop
        if start is None and stop is None:
            return ""
        return f"{_fmt(start) or '…'} – {_fmt(stop) or '…'}"
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, str) and value in choices:
        return str(choices[value])
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if value is True:
        return _("Yes")
    return _fmt(value)


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
