"""The packing data a change request may change (R8): the cartons the packing list is drawn up
with. Applying a change that alters them, or the quantities, draws the list up again (the sent
list then goes again as the order's new revision)."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import ChangeField, Impact
from orders.services.common import ActionRefused
from orders.sizes import ordered_sizes
from shipping.models import PackingList
from shipping.packing import CartonSpec, pack
from shipping.services.shipment import packing_list_write

PIECES, NET_WEIGHT, CARTON_WEIGHT, CARTON_SIZE = (
    "shipping.packing.pieces_per_carton",
    "shipping.packing.net_weight",
    "shipping.packing.carton_weight",
    "shipping.packing.carton_size",
)
SIZE = re.compile(r"^\s*([\d.]+)\s*[x×*]\s*([\d.]+)\s*[x×*]\s*([\d.]+)\s*$", re.IGNORECASE)


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _size_text(spec: CartonSpec) -> str:
    return " × ".join(_text(v) for v in (spec.length_cm, spec.width_cm, spec.height_cm))


def _number(value: str) -> Decimal | None:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_pieces(value: str) -> None:
    if not value.strip().isdigit() or int(value) < 1:
        raise ActionRefused(gettext("A carton holds at least one piece."))


def check_weight(value: str) -> None:
    number = _number(value)
    if number is None or number < 0:
        raise ActionRefused(gettext("A weight must be a number of kg, e.g. 0.25."))


def check_size(value: str) -> None:
    match = SIZE.match(value)
    if match is None or any(_number(part) in (None, 0) for part in match.groups()):
        raise ActionRefused(
            gettext("Give the carton's length × width × height in cm, e.g. 60 × 40 × 30.")
        )


def packing_fields(order) -> list[ChangeField]:
    packing_list = PackingList.objects.filter(order=order).first()
    if packing_list is None:
        return []
    spec = packing_list.carton_spec()
    label = PackingList._meta.get_field
    return [
        ChangeField(
            PIECES,
            label("pieces_per_carton").verbose_name,
            Aspect.PACKING,
            str(spec.pieces_per_carton),
            check=check_pieces,
        ),
        ChangeField(
            NET_WEIGHT,
            label("net_weight_per_piece_kg").verbose_name,
            Aspect.PACKING,
            _text(spec.net_weight_per_piece_kg),
            check=check_weight,
        ),
        ChangeField(
            CARTON_WEIGHT,
            label("carton_weight_kg").verbose_name,
            Aspect.PACKING,
            _text(spec.carton_weight_kg),
            check=check_weight,
        ),
        ChangeField(
            CARTON_SIZE,
            _("Carton length × width × height (cm)"),
            Aspect.PACKING,
            _size_text(spec),
            check=check_size,
        ),
    ]


def spec_after(spec: CartonSpec, extra: dict) -> CartonSpec:
    """The cartons as the change states them (what it leaves out stays as it is)."""
    size = SIZE.match(extra.get(CARTON_SIZE) or "")
    length, width, height = (
        (Decimal(part) for part in size.groups())
        if size
        else (spec.length_cm, spec.width_cm, spec.height_cm)
    )
    return CartonSpec(
        int(extra.get(PIECES) or spec.pieces_per_carton),
        Decimal(extra.get(NET_WEIGHT) or spec.net_weight_per_piece_kg),
        Decimal(extra.get(CARTON_WEIGHT) or spec.carton_weight_kg),
        length,
        width,
        height,
    )


def _packed(lines: list[dict], spec: CartonSpec) -> tuple[int, Decimal]:
    rows = pack(
        [
            (line["colour"], dict(ordered_sizes(line["sizes"])) or {"-": line["quantity"]})
            for line in lines
        ],
        spec,
    )
    return sum(row.cartons for row in rows), sum((row.cbm for row in rows), Decimal(0))


def packing_impact(context) -> list[Impact]:
    """R8: new cartons or new quantities re-issue the packing list."""
    if not context.diff.touches(Aspect.PACKING, Aspect.QUANTITY):
        return []
    packing_list = PackingList.objects.filter(order=context.order).first()
    if packing_list is None:
        return []
    before = packing_list.carton_spec()
    cartons_before, cbm_before = _packed(context.change.base["lines"], before)
    cartons_after, cbm_after = _packed(
        context.change.proposed["lines"], spec_after(before, context.extra)
    )
    text = _(
        "The packing list is drawn up again and re-issued: %(before)s → %(after)s cartons, "
        "%(cbm_before)s → %(cbm_after)s CBM, %(pieces)s pieces."
    ) % {
        "before": cartons_before,
        "after": cartons_after,
        "cbm_before": cbm_before,
        "cbm_after": cbm_after,
        "pieces": context.diff.after.quantity,
    }
    return [Impact(ImpactArea.INSPECTION, text, _("Merchandiser, warehouse"))]


def packing_apply(context) -> None:
    if not context.diff.touches(Aspect.PACKING, Aspect.QUANTITY):
        return
    packing_list = PackingList.objects.filter(order=context.order).first()
    if packing_list is not None:
        spec = spec_after(packing_list.carton_spec(), context.extra)
        packing_list_write(context.order, spec, context.user)
