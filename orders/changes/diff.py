"""The diff of a change request: each changed field and each changed line/size cell, before →
after, with the order's totals before and after. Pure: it reads two snapshots, nothing else."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_noop

from orders.changes.choices import Aspect, LineChangeKind
from orders.changes.fields import FIELD_SPECS, ORDER_FIELDS
from orders.money import Money
from orders.sizes import size_key
from orders.timeline import event_message, joined, render_message


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: object
    aspect: str
    before: str
    after: str


@dataclass(frozen=True)
class SizeCell:
    size: str
    before: int
    after: int

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class LineChange:
    line_id: int | None
    colour: str
    kind: str
    cells: tuple[SizeCell, ...]
    quantity_before: int
    quantity_after: int
    price_before: Decimal | None
    price_after: Decimal

    @property
    def price_changed(self) -> bool:
        return self.price_before is not None and self.price_before != self.price_after

    @property
    def quantity_changed(self) -> bool:
        return self.quantity_before != self.quantity_after

    def get_kind_display(self):
        return LineChangeKind(self.kind).label


@dataclass(frozen=True)
class Totals:
    quantity: int
    amount: Money


@dataclass(frozen=True)
class ChangeDiff:
    fields: tuple[FieldChange, ...]
    lines: tuple[LineChange, ...]
    before: Totals
    after: Totals
    aspects: frozenset = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.lines

    def changed(self, key: str) -> bool:
        return any(change.key == key for change in self.fields)

    def touches(self, *aspects: str) -> bool:
        return bool(self.aspects & set(aspects))

    @property
    def quantity_delta(self) -> int:
        return self.after.quantity - self.before.quantity


def line_quantity(line: dict) -> int:
    sizes = line.get("sizes") or {}
    return (
        sum(int(pieces) for pieces in sizes.values()) if sizes else int(line.get("quantity") or 0)
    )


def totals(lines: list[dict], currency: str) -> Totals:
    quantity = sum(line_quantity(line) for line in lines)
    amount = sum((line_quantity(line) * Decimal(line["unit_price"]) for line in lines), Decimal(0))
    return Totals(quantity, Money(amount, currency))


def _field_changes(base: dict, proposed: dict, extra_specs: dict) -> list[FieldChange]:
    changes = []
    for spec in ORDER_FIELDS:
        before, after = base["fields"].get(spec.key), proposed["fields"].get(spec.key)
        if before != after:
            changes.append(
                FieldChange(
                    spec.key, spec.label, spec.aspect, spec.display(before), spec.display(after)
                )
            )
    base_extra, proposed_extra = base.get("extra", {}), proposed.get("extra", {})
    for key, after in proposed_extra.items():
        before = base_extra.get(key)
        spec = extra_specs.get(key)
        if spec is not None and before is not None and before != after:
            changes.append(
                FieldChange(key, spec.label, spec.aspect, spec.shown(before), spec.shown(after))
            )
    return changes


def _line_change(before: dict | None, after: dict) -> LineChange | None:
    sizes_before = (before or {}).get("sizes") or {}
    sizes_after = after.get("sizes") or {}
    sizes = sorted(set(sizes_before) | set(sizes_after), key=size_key)
    cells = tuple(
        SizeCell(s, int(sizes_before.get(s, 0)), int(sizes_after.get(s, 0))) for s in sizes
    )
    quantity_before = line_quantity(before) if before else 0
    quantity_after = line_quantity(after)
    price_after = Decimal(after["unit_price"])
    price_before = Decimal(before["unit_price"]) if before else None
    if before is None:
        if quantity_after == 0:
            return None
        kind = LineChangeKind.ADDED
    elif quantity_after == 0 and quantity_before > 0:
        kind = LineChangeKind.CANCELLED
    elif (
        quantity_before != quantity_after
        or any(c.changed for c in cells)
        or (price_before != price_after)
    ):
        kind = LineChangeKind.CHANGED
    else:
        return None
    return LineChange(
        line_id=(before or {}).get("id"),
        colour=after.get("colour") or (before or {}).get("colour", ""),
        kind=kind,
        cells=cells,
        quantity_before=quantity_before,
        quantity_after=quantity_after,
        price_before=price_before,
        price_after=price_after,
    )


def compute_diff(
    base: dict, proposed: dict, *, currency: str, extra_specs: dict | None = None
) -> ChangeDiff:
    """Compare the snapshot a request was drafted on with what it proposes."""
    fields = _field_changes(base, proposed, extra_specs or {})
    base_lines = {line["id"]: line for line in base["lines"]}
    line_changes = []
    after_lines = []
    for line in proposed["lines"]:
        before = base_lines.get(line.get("id")) if line.get("id") else None
        if line.get("id") and before is None:
            continue  # a line of another revision: the request is stale, never merged
        after_lines.append(line)
        change = _line_change(before, line)
        if change is not None:
            line_changes.append(change)
    aspects = {change.aspect for change in fields}
    if any(
        c.kind != LineChangeKind.CHANGED or c.quantity_changed or any(x.changed for x in c.cells)
        for c in line_changes
    ):
        aspects.add(Aspect.QUANTITY)
    if any(c.price_changed for c in line_changes):
        aspects.add(Aspect.PRICE)
    return ChangeDiff(
        fields=tuple(fields),
        lines=tuple(line_changes),
        before=totals(base["lines"], currency),
        after=totals(after_lines, currency),
        aspects=frozenset(aspects),
    )


__all__ = ["FIELD_SPECS", "ChangeDiff", "FieldChange", "LineChange", "compute_diff", "totals"]


def summary(diff: ChangeDiff) -> str:
    """One line of what changed, in the current language (summary_message, rendered)."""

    return render_message(summary_message(diff))


def summary_message(diff: ChangeDiff) -> dict:
    """One line for the timeline: what changed, and the totals when they move; stored as
    generated text so each reader sees the labels in their own language."""

    parts = [
        event_message(
            gettext_noop("%(field)s: %(before)s → %(after)s"),
            field=change.label,
            before=change.before,
            after=change.after,
        )
        for change in diff.fields
    ]
    for line in diff.lines:
        if line.quantity_changed or line.kind != LineChangeKind.CHANGED:
            parts.append(
                event_message(
                    gettext_noop("%(colour)s: %(before)s → %(after)s (%(kind)s)")
                    if line.kind != LineChangeKind.CHANGED
                    else gettext_noop("%(colour)s: %(before)s → %(after)s"),
                    colour=line.colour,
                    before=line.quantity_before,
                    after=line.quantity_after,
                    kind=LineChangeKind(line.kind).label,
                )
            )
        if line.price_changed:
            parts.append(
                f"{line.colour}: {line.price_before.normalize()} → {line.price_after.normalize()}"
            )
    if diff.before != diff.after:
        parts.append(
            event_message(
                gettext_noop("%(before)s → %(after)s pcs, %(amount_before)s → %(amount_after)s"),
                before=diff.before.quantity,
                after=diff.after.quantity,
                amount_before=diff.before.amount,
                amount_after=diff.after.amount,
            )
        )
    return joined(parts)
