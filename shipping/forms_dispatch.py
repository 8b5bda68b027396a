"""Forms of the R15 dispatch screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.documents.forms import SendLanguageForm
from orders.forms import FreeText, OnceForm


class DispatchSlipForm(OnceForm):
    """The merchandiser's slip: what to ship of each order line (0 = not in this shipment)."""

    comment = FreeText(label=_("Comment"), widget=forms.Textarea, required=False)

    def __init__(self, *args, order_lines=(), remaining=None, cartons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_lines = list(order_lines)
        remaining, cartons = remaining or {}, cartons or {}
        for line in self.order_lines:
            left = max(remaining.get(line.pk, line.quantity), 0)
            self.fields[f"quantity_{line.pk}"] = form_fields.IntegerField(
                label=_("%(colour)s: quantity (%(left)s left)")
                % {"colour": line.colour, "left": left},
                min_value=0,
                max_value=left,
                initial=left,
            )
            self.fields[f"cartons_{line.pk}"] = form_fields.IntegerField(
                label=_("%(colour)s: cartons") % {"colour": line.colour},
                min_value=0,
                initial=cartons.get(line.colour),
            )
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])

    def lines(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "order_line_id": line.pk,
                "quantity": data[f"quantity_{line.pk}"],
                "cartons": data[f"cartons_{line.pk}"],
            }
            for line in self.order_lines
            if data[f"quantity_{line.pk}"]
        ]


class DispatchStepForm(forms.Form):
    comment = FreeText(label=_("Comment"), widget=forms.Textarea, required=False)


class DispatchSendForm(DispatchStepForm, SendLanguageForm):
    """The delivery note and waybill to the customer, in the language the sender chose."""


class DispatchShipForm(DispatchStepForm):
    waybill = forms.CharField(label=_("Waybill no."), max_length=60)
    carrier = forms.CharField(label=_("Carrier"), max_length=120, required=False)

    field_order = ["waybill", "carrier", "comment"]


class PreparedForm(forms.Form):
    """The warehouse's count: quantity and cartons per slip line, and why it differs."""

    comment = FreeText(
        label=_("Why it differs from the slip"), widget=forms.Textarea, required=False
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"quantity_{line.pk}"] = form_fields.IntegerField(
                label=_("%(line)s: quantity prepared") % {"line": f"{line.model} {line.colour}"},
                min_value=0,
                initial=line.quantity if line.prepared_quantity is None else line.prepared_quantity,
            )
            self.fields[f"cartons_{line.pk}"] = form_fields.IntegerField(
                label=_("%(line)s: cartons prepared") % {"line": f"{line.model} {line.colour}"},
                min_value=0,
                initial=line.cartons if line.prepared_cartons is None else line.prepared_cartons,
            )
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])

    def prepared(self) -> dict[int, tuple[int, int]]:
        data = self.cleaned_data
        return {
            line.pk: (data[f"quantity_{line.pk}"], data[f"cartons_{line.pk}"])
            for line in self.lines
        }
