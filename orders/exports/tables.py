"""A list's columns and rows, shared by its page and its export."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Kind:
    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"
    PERCENT = "percent"
    CURRENCY = "currency"
    FLAG = "flag"


DEFAULT_WIDTHS = {
    Kind.DATE: 12,
    Kind.INTEGER: 10,
    Kind.DECIMAL: 10,
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
    # The ordering key (an ORM path, or for a list of objects the Table's sort_value key)
    # the column sorts by through `?sort=key` / `?sort=-key`; None: not sortable.
    sort: str | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.INTEGER, Kind.DECIMAL, Kind.MONEY, Kind.PERCENT)

    def excel_width(self) -> int:
        if self.width:
            return self.width
        return DEFAULT_WIDTHS.get(self.kind) or max(12, min(40, len(str(self.label)) + 4))


SORT_PARAM = "sort"


class Linked(str):
    """A cell's text that the list page shows as a link (to the order, say); exports write the
    text alone."""

    url: str = ""


def order_columns(*names: str, via: str = "") -> list[Column]:
    """The columns naming the order a row is about, as every list heads and sizes them: `names`
    from po, style, customer, factory, stage, ex_factory; `via` is the path from the row to its
    order ("order__") that the columns sort by."""
    known = {
        "po": Column(gettext_lazy("P/O no."), width=16, sort=f"{via}po_number"),
        "style": Column(gettext_lazy("Style no."), width=14, sort=f"{via}style_no"),
        "customer": Column(gettext_lazy("Customer"), width=22, sort=f"{via}customer__name"),
        "factory": Column(gettext_lazy("Factory"), width=22, sort=f"{via}factory__name"),
        "stage": Column(gettext_lazy("Stage"), width=12, sort=f"{via}stage"),
        "ex_factory": Column(gettext_lazy("Ex-factory"), Kind.DATE, sort=f"{via}ex_factory_date"),
    }
    return [known[name] for name in names]


def linked(text, url: str) -> Linked:
    cell = Linked(text)
    cell.url = url
    return cell


class Table:
    """Subclasses name the rows (a selector of the page), their columns and how an object
    becomes a row. `rows()` receives a chunk of objects so it can load what they need at once.

    Every list sorts through one parameter, `?sort=<column key>` (descending with a leading
    "-"), so the page, its export and a saved view list the rows the same way."""

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

    def filtered(self):
        """The rows the filters leave, in the selector's own order."""
        return self.filterset.qs if self.filterset is not None else self.queryset()

    def objects(self):
        return self.sorted(self.filtered())

    def sort_keys(self) -> set[str]:
        """The keys `?sort=` accepts: the sortable columns' (read from columns(), so that a
        table whose columns depend on its rows is not asked for them)."""
        return {column.sort for column in self.columns() if column.sort}

    @cached_property
    def sort(self) -> tuple[str, bool] | None:
        """(key, descending) of the user's sort, or None; an unknown key is ignored."""
        value = (self.params or {}).get(SORT_PARAM) or ""
        key = value.removeprefix("-")
        if not key or key not in self.sort_keys():
            return None
        return key, value.startswith("-")

    def sorted(self, objects):
        if self.sort is None:
            return objects
        key, descending = self.sort
        if isinstance(objects, QuerySet):
            field = F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)
            # The id breaks ties, so that pages (and the export's chunks) never overlap.
            return objects.order_by(field, "-pk" if descending else "pk")
        present = [obj for obj in objects if self.sort_value(obj, key) is not None]
        missing = [obj for obj in objects if self.sort_value(obj, key) is None]
        present.sort(key=lambda obj: _comparable(self.sort_value(obj, key)), reverse=descending)
        return present + missing

    def sort_value(self, obj, key: str):
        """A list table's value for a sort key: the attribute path the key spells."""
        value = obj
        for part in key.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

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
        """The filters the user applied, and the sort, as the sheet writes them above its table."""
        described = []
        if (
            self.filterset is not None
            and self.filterset.is_bound
            and self.filterset.form.is_valid()
        ):
            form = self.filterset.form
            for name, field in form.fields.items():
                text = describe(field, form.cleaned_data.get(name))
                if text:
                    described.append((str(field.label or name), text))
        if self.sort is not None:
            key, descending = self.sort
            label = next(str(c.label) for c in self.columns() if c.sort == key)
            described.append((_("Sorted by"), f"{label} {'▼' if descending else '▲'}"))
        return described


def _comparable(value):
    # Names sort without regard to case; everything else as it is.
    return value.casefold() if isinstance(value, str) else value


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
