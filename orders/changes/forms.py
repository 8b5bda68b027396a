"""The forms of a change request's page: the proposal (every changeable field, each line's sizes
and price, new lines) and the answers recorded at each step. They parse; the services decide."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.changes.choices import Requester
from orders.changes.fields import ORDER_FIELDS
from orders.changes.registry import contributed_fields
from orders.choices import Decision
from orders.forms import SIZE_SEPARATORS, FreeText, OnceForm
from orders.sizes import format_breakdown
from orders.widgets import DateInput

NEW_LINE_ROWS = 2
# In a change a size may go to 0 (the size is cut), so "S:0" is accepted here.
SIZE_CELL = re.compile(r"^\s*(?P<size>[^:：=]+?)\s*[:：=]\s*(?P<quantity>\d+)\s*$")


def parse_change_sizes(text: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for part in SIZE_SEPARATORS.split(text or ""):
        if not part.strip():
            continue
        match = SIZE_CELL.match(part)
        if not match:
            raise ValidationError(
                _("“%(part)s” is not a size and a quantity, e.g. S:100."),
                params={"part": part.strip()},
            )
        if match["size"] in sizes:
            raise ValidationError(
                _("Size %(size)s is given twice."), params={"size": match["size"]}
            )
        sizes[match["size"]] = int(match["quantity"])
    return sizes


def _order_field(spec):
    if spec.kind == "longtext":
        field = spec.model_field.formfield(required=False, form_class=FreeText)
    else:
        field = spec.model_field.formfield(required=False)
    if spec.kind == "date":
        field.widget = DateInput()
    elif spec.kind == "longtext":
        field.widget = forms.Textarea(attrs={"rows": 2, "maxlength": field.max_length})
    if spec.kind in ("choice",):
        field.required = True
    return field


def _contributed_field(item) -> forms.Field:
    """The form field for a value another app keeps: a list to choose from, a text box, or a
    line of text (numbers too: the app checks them, and they stay as typed)."""
    if item.choices:
        return forms.ChoiceField(
            label=item.label, required=False, choices=[("", "—"), *item.choices]
        )
    if item.multiline:
        return FreeText(label=item.label, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    return forms.CharField(label=item.label, required=False, max_length=200)


class ChangeRequestForm(OnceForm):
    """Built on the snapshot the request is drafted on: the fields show the proposal, each
    existing line one row (its sizes as "S:100, M:200", a line set to 0 is cancelled), then
    empty rows for new colours."""

    requested_by = forms.ChoiceField(label=_("Asked for by"), choices=Requester.choices)
    customer_reference = forms.CharField(
        label=_("Customer's document no."),
        required=False,
        max_length=80,
        help_text=_("R8: the customer's document that asks for the change, kept with it."),
    )
    customer_reference_date = forms.DateField(
        label=_("Customer's document date"), required=False, widget=DateInput
    )
    reason = FreeText(
        label=_("Reason and notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_amendment = forms.BooleanField(
        label=_("Contract amendment (合同修改單)"),
        required=False,
        help_text=_("R14: an order in production changes only through an amendment."),
    )

    def __init__(self, *args, order, base: dict, proposed: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = base
        self.extra_specs = contributed_fields(order)
        for spec in ORDER_FIELDS:
            self.fields[f"f_{spec.key}"] = _order_field(spec)
            self.initial.setdefault(f"f_{spec.key}", proposed["fields"].get(spec.key))
        known = base.get("extra", {})
        for item in self.extra_specs:
            if item.key not in known:
                continue
            self.fields[f"x_{item.key}"] = _contributed_field(item)
            self.initial.setdefault(
                f"x_{item.key}", proposed.get("extra", {}).get(item.key, item.value)
            )
        proposed_lines = {line["id"]: line for line in proposed["lines"] if line.get("id")}
        for line in base["lines"]:
            now = proposed_lines.get(line["id"], line)
            self._line_fields(f"line_{line['id']}", now, sizes=bool(line["sizes"]))
        new_lines = [line for line in proposed["lines"] if not line.get("id")]
        for number in range(len(new_lines) + NEW_LINE_ROWS):
            now = new_lines[number] if number < len(new_lines) else {}
            self.fields[f"new_{number}_colour"] = forms.CharField(
                label=_("Colour"), required=False, max_length=60
            )
            self.initial.setdefault(f"new_{number}_colour", now.get("colour", ""))
            self._line_fields(f"new_{number}", now, sizes=True, quantity=True)

    def _line_fields(self, prefix: str, line: dict, *, sizes: bool, quantity: bool = False):
        if sizes:
            self.fields[f"{prefix}_sizes"] = forms.CharField(label=_("Sizes"), required=False)
            self.initial.setdefault(f"{prefix}_sizes", format_breakdown(line.get("sizes")))
        if quantity or not sizes:
            self.fields[f"{prefix}_quantity"] = form_fields.IntegerField(
                label=_("Quantity"), required=False, min_value=0
            )
            self.initial.setdefault(f"{prefix}_quantity", line.get("quantity"))
        self.fields[f"{prefix}_price"] = forms.DecimalField(
            label=_("Unit price"), required=False, min_value=0, max_digits=12, decimal_places=4
        )
        self.initial.setdefault(f"{prefix}_price", line.get("unit_price"))

    def clean(self):
        data = super().clean()
        for name in list(data):
            if name.endswith("_sizes"):
                try:
                    data[name] = parse_change_sizes(data[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return data

    # ---- what the template and the view read ------------------------------------------------
    def contract_fields(self):
        return [self[f"f_{spec.key}"] for spec in ORDER_FIELDS]

    def contributed(self):
        return [self[name] for name in self.fields if name.startswith("x_")]

    def line_rows(self):
        rows = []
        for line in self.base["lines"]:
            prefix = f"line_{line['id']}"
            rows.append({"base": line, **self._row(prefix)})
        number = 0
        while f"new_{number}_colour" in self.fields:
            rows.append(
                {"base": None, "colour": self[f"new_{number}_colour"]} | self._row(f"new_{number}")
            )
            number += 1
        return rows

    def _row(self, prefix: str) -> dict:
        return {
            name: self[f"{prefix}_{name}"]
            for name in ("sizes", "quantity", "price")
            if f"{prefix}_{name}" in self.fields
        }

    def proposal(self) -> dict:
        data = self.cleaned_data
        fields = {spec.key: data.get(f"f_{spec.key}") for spec in ORDER_FIELDS}
        extra = {name[2:]: data.get(name) or "" for name in self.fields if name.startswith("x_")}
        lines = []
        for line in self.base["lines"]:
            lines.append(self._line(f"line_{line['id']}", line))
        number = 0
        while f"new_{number}_colour" in self.fields:
            new = self._line(f"new_{number}", {"id": None, "sizes": {}, "quantity": 0})
            new["colour"] = (data.get(f"new_{number}_colour") or "").strip()
            lines.append(new)
            number += 1
        return {"fields": fields, "lines": lines, "extra": extra}

    def _line(self, prefix: str, base: dict) -> dict:
        data = self.cleaned_data
        line = {"id": base.get("id")}
        sizes = data.get(f"{prefix}_sizes")
        if base.get("sizes"):
            # A size left out of the text is cut to 0, never silently kept.
            line["sizes"] = dict.fromkeys(base["sizes"], 0) | (sizes or {})
        elif sizes:
            line["sizes"] = sizes
        else:
            line["sizes"] = {}
            quantity = data.get(f"{prefix}_quantity")
            line["quantity"] = quantity if quantity is not None else base.get("quantity", 0)
        price = data.get(f"{prefix}_price")
        line["unit_price"] = price if price is not None else base.get("unit_price", 0)
        return line

    def service_options(self) -> dict:
        data = self.cleaned_data
        return {
            "requested_by": data["requested_by"],
            "reason": data["reason"],
            "customer_reference": data["customer_reference"],
            "customer_reference_date": data["customer_reference_date"],
            "is_amendment": data["is_amendment"],
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class FactoryAnswerForm(forms.Form):
    agreed = forms.TypedChoiceField(
        label=_("The factory's answer"),
        choices=[("1", _("Agreed")), ("0", _("Refused"))],
        coerce=lambda value: value == "1",
    )
    name = forms.CharField(label=_("Answered by (factory)"), max_length=120)
    comment = FreeText(
        label=_("Factory's comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def production(self, data) -> dict:
        """R14: the cut / made boxes of an amendment, named cut_<line id> and made_<line id>."""
        figures = {}
        for key, value in data.items():
            kind, _sep, line_id = key.partition("_")
            if kind in ("cut", "made") and line_id.isdigit() and str(value).strip():
                if not str(value).strip().isdigit():
                    raise ValidationError(_("Quantities must be whole numbers."))
                figures.setdefault(line_id, {})[kind] = int(value)
        return figures


class CustomerConfirmForm(forms.Form):
    confirmed_by = forms.CharField(label=_("Confirmed by (customer's side)"), max_length=120)
    confirmed_on = forms.DateField(
        label=_("Confirmed on"), widget=DateInput, initial=timezone.localdate
    )
    reference = forms.CharField(
        label=_("Customer's confirmation (document no.)"), required=False, max_length=80
    )


class ChangeSignForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)


class FactoryLinkAnswerForm(forms.Form):
    """The factory's answer through the change notice's link (R8); for an amendment the
    production side states, per colour, what is already cut and made (R14)."""

    agreed = forms.TypedChoiceField(
        label=_("Do you agree to the change?"),
        choices=[("1", _("We agree")), ("0", _("We refuse"))],
        coerce=lambda value: value == "1",
    )
    name = forms.CharField(label=_("Your name"), max_length=120)
    comment = FreeText(
        label=_("Comment (required when you refuse)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, change, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = [line for line in change.base["lines"] if line["quantity"]]
        if not change.is_amendment:
            self.lines = []
        for line in self.lines:
            for kind, label in (("cut", _("%(colour)s: cut")), ("made", _("%(colour)s: made"))):
                self.fields[f"{kind}_{line['id']}"] = form_fields.IntegerField(
                    label=label % {"colour": line["colour"]}, min_value=0, required=False
                )

    def production(self) -> dict:
        return {
            str(line["id"]): {
                "cut": self.cleaned_data.get(f"cut_{line['id']}") or 0,
                "made": self.cleaned_data.get(f"made_{line['id']}") or 0,
            }
            for line in self.lines
            if self.cleaned_data.get(f"cut_{line['id']}") is not None
            or self.cleaned_data.get(f"made_{line['id']}") is not None
        }
