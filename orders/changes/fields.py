"""What a change request can change on the order itself, and the contract snapshot a request is
drafted on. Values are kept as JSON (text, numbers as strings), so a snapshot compares exactly."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from orders.changes.choices import Aspect
from orders.changes.registry import contributed_fields
from orders.models.order import Order

PRICE_PLACES = Decimal("0.0001")
PERCENT_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    aspect: str
    kind: str  # text, longtext, date, decimal, choice, bool

    @property
    def model_field(self):
        return Order._meta.get_field(self.key)

    @property
    def label(self):
        return self.model_field.verbose_name

    def to_json(self, value):
        if self.kind == "date":
            if isinstance(value, str):
                value = date.fromisoformat(value) if value else None
            return value.isoformat() if value else None
        if self.kind == "decimal":
            return str(Decimal(value or 0).quantize(PERCENT_PLACES))
        if self.kind == "bool":
            return bool(value)
        return value or ""

    def from_json(self, value):
        if self.kind == "date":
            return date.fromisoformat(value) if value else None
        if self.kind == "decimal":
            return Decimal(value or "0")
        if self.kind == "bool":
            return bool(value)
        return value or ""

    def display(self, value) -> str:
        if value in (None, ""):
            return "—"
        if self.kind == "bool":
            return str(_("Yes") if value else _("No"))
        if self.kind == "choice":
            return str(dict(self.model_field.choices).get(value, value))
        if self.kind == "decimal":
            return format(Decimal(value).normalize(), "f")
        return str(value)


ORDER_FIELDS = [
    FieldSpec("description", Aspect.STYLE, "text"),
    FieldSpec("fabric", Aspect.STYLE, "longtext"),
    FieldSpec("composition", Aspect.STYLE, "text"),
    FieldSpec("finishing", Aspect.STYLE, "longtext"),
    FieldSpec("packing", Aspect.STYLE, "longtext"),
    FieldSpec("ex_factory_date", Aspect.DATES, "date"),
    FieldSpec("customer_date", Aspect.DATES, "date"),
    FieldSpec("payment_terms", Aspect.TERMS, "choice"),
    FieldSpec("deposit_percent", Aspect.TERMS, "decimal"),
    FieldSpec("incoterm", Aspect.TERMS, "choice"),
    FieldSpec("commission", Aspect.TERMS, "bool"),
]
FIELD_SPECS = {spec.key: spec for spec in ORDER_FIELDS}
# R10: a change to these is a change of payment terms, which the general manager approves.
PAYMENT_TERM_FIELDS = ("payment_terms", "deposit_percent", "commission")


def price_json(value) -> str:
    return str(Decimal(value or 0).quantize(PRICE_PLACES))


def line_json(line) -> dict:
    return {
        "id": line.pk,
        "colour": line.colour,
        "sizes": {size: int(pieces) for size, pieces in (line.size_breakdown or {}).items()},
        "quantity": int(line.quantity),
        "unit_price": price_json(line.unit_price),
    }


def contract_snapshot(order: Order) -> dict:
    """Everything a change request may change, as it stands now: the base a request is drafted
    on, and what a stale request is compared with."""
    return {
        "revision": order.revision,
        "fields": {spec.key: spec.to_json(getattr(order, spec.key)) for spec in ORDER_FIELDS},
        "lines": [line_json(line) for line in sorted(order.lines.all(), key=lambda li: li.pk)],
        "extra": {item.key: item.value for item in contributed_fields(order)},
    }


def same_contract(base: dict, current: dict) -> bool:
    return (
        base.get("revision") == current.get("revision")
        and base.get("fields") == current.get("fields")
        and base.get("lines") == current.get("lines")
        and base.get("extra", {}) == current.get("extra", {})
    )
