"""A change request's proposal: the contract as it would stand after the change, in the shape of
contract_snapshot(). Forms hand in Python values; this puts them in snapshot form and checks
them the way the order and its lines check themselves."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from orders.changes.fields import FIELD_SPECS, ORDER_FIELDS, price_json
from orders.changes.registry import contributed_fields
from orders.models import OrderLine
from orders.services.common import ActionRefused


def _sizes(value) -> dict[str, int]:
    sizes = {}
    for size, pieces in (value or {}).items():
        pieces = int(pieces)
        if pieces < 0:
            raise ActionRefused(
                _("Size %(size)s: the quantity cannot be negative.") % {"size": size}
            )
        sizes[str(size)] = pieces
    return sizes


def _price(value) -> str:
    try:
        price = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError) as error:
        raise ActionRefused(_("The unit price must be a number.")) from error
    if price < 0:
        raise ActionRefused(_("The unit price cannot be negative."))
    return price_json(price)


def _line(given: dict, base: dict | None) -> dict:
    base = base or {}
    sizes = _sizes(given.get("sizes", base.get("sizes")))
    if sizes:
        quantity = sum(sizes.values())
    else:
        quantity = int(given.get("quantity", base.get("quantity")) or 0)
        if quantity < 0:
            raise ActionRefused(_("Quantities cannot be negative."))
    return {
        "id": base.get("id"),
        "colour": base.get("colour") or (given.get("colour") or "").strip(),
        "sizes": sizes,
        "quantity": quantity,
        "unit_price": _price(given.get("unit_price", base.get("unit_price"))),
    }


def normalize(base: dict, proposed: dict) -> dict:
    """The whole proposal: every field, every line of the base (a line left out stays as it
    is; a line set to zero is cancelled, never deleted), then the new lines."""
    given_fields = proposed.get("fields", {})
    fields = {
        spec.key: spec.to_json(given_fields[spec.key])
        if spec.key in given_fields
        else base["fields"][spec.key]
        for spec in ORDER_FIELDS
    }
    given_lines = {line["id"]: line for line in proposed.get("lines", []) if line.get("id")}
    lines = [_line(given_lines.get(line["id"], line), line) for line in base["lines"]]
    for line in proposed.get("lines", []):
        if line.get("id"):
            continue
        new = _line(line, None)
        if not new["colour"] and not new["quantity"]:
            continue  # an empty row of the form
        if not new["colour"]:
            raise ActionRefused(_("A new line needs its colour."))
        lines.append(new)
    given_extra = proposed.get("extra", {})
    extra = {
        key: str(given_extra.get(key, value) or "").strip()
        for key, value in base.get("extra", {}).items()
    }
    return {"revision": base["revision"], "fields": fields, "lines": lines, "extra": extra}


def check_contributed(order, proposed: dict) -> None:
    """Each value another app keeps (a trim's quantity, the cartons) checked by that app."""

    given = proposed.get("extra", {})
    for item in contributed_fields(order):
        value = given.get(item.key)
        if value is None or value == item.value:
            continue
        if item.choices and value and value not in dict(item.choices):
            raise ActionRefused(_("%(field)s: choose one of the list.") % {"field": item.label})
        if item.check is not None:
            item.check(value)


def check_against_order(order, proposed: dict) -> None:
    """The order's and the lines' own checks (dates in order, deposit for T/T only...), on an
    unsaved copy: nothing is written."""
    check_contributed(order, proposed)
    copy = type(order)(
        **{
            f.attname: getattr(order, f.attname)
            for f in order._meta.concrete_fields
            if f.name != "stage"
        }
    )
    for key, value in proposed["fields"].items():
        setattr(copy, key, FIELD_SPECS[key].from_json(value))
    try:
        copy.clean()
    except ValidationError as error:
        raise ActionRefused(
            _("The proposed contract is not valid."), details=error.messages
        ) from None
    for number, line in enumerate(proposed["lines"], start=1):
        candidate = OrderLine(
            order=copy,
            colour=line["colour"],
            size_breakdown=line["sizes"],
            quantity=line["quantity"],
            unit_price=Decimal(line["unit_price"]),
        )
        try:
            candidate.clean()
        except ValidationError as error:
            raise ActionRefused(
                _("Line %(number)d: %(errors)s")
                % {"number": number, "errors": " ".join(error.messages)}
            ) from None


def rebase(old_base: dict, old_proposed: dict, current: dict) -> dict:
    """Carry what a stale request changed onto the current contract: each field and line the
    request changed keeps its proposed value, everything else takes the current one. The user
    asks for this (Refresh) and sees the new diff; it is never done silently."""
    fields = {
        key: old_proposed["fields"][key]
        if old_proposed["fields"].get(key) != old_base["fields"].get(key)
        else value
        for key, value in current["fields"].items()
    }
    old_lines = {line["id"]: line for line in old_base["lines"]}
    proposed_lines = {line["id"]: line for line in old_proposed["lines"] if line.get("id")}
    lines = []
    for line in current["lines"]:
        before, after = old_lines.get(line["id"]), proposed_lines.get(line["id"])
        changed = before is not None and after is not None and after != before
        lines.append(dict(after, id=line["id"], colour=line["colour"]) if changed else dict(line))
    lines.extend(dict(line) for line in old_proposed["lines"] if not line.get("id"))
    extra = {
        key: old_proposed["extra"][key]
        if old_proposed.get("extra", {}).get(key, value) != old_base.get("extra", {}).get(key)
        and key in old_proposed.get("extra", {})
        else value
        for key, value in current.get("extra", {}).items()
    }
    return {"revision": current["revision"], "fields": fields, "lines": lines, "extra": extra}
