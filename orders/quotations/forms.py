"""Forms of the quotation screens. They parse and validate input; the services decide."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import FreeText
from orders.models import Order
from orders.quotations.choices import CostBasis, CostKind
from orders.quotations.models import Quotation
from orders.quotations.services.editing import HEADER_FIELDS
from orders.widgets import DateInput


class QuotationForm(forms.ModelForm):
    class Meta:
        model = Quotation
        fields = ["customer", *HEADER_FIELDS]
        widgets = {
            "valid_until": DateInput,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"notes": FreeText}

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["customer"]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        customer = data.pop("customer", None)
        if customer is not None:
            data["customer_id"] = customer.pk
        return data


class CostingLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Cost"), choices=[("", "—"), *CostKind.choices])
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    basis = forms.ChoiceField(
        label=_("Basis"), choices=CostBasis.choices, initial=CostBasis.PER_PIECE
    )
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=4, min_value=Decimal("0")
    )


class PriceBreakForm(forms.Form):
    min_quantity = form_fields.IntegerField(label=_("From quantity (pcs)"), min_value=1)
    unit_price = forms.DecimalField(
        label=_("Unit price"), max_digits=12, decimal_places=4, min_value=Decimal("0.0001")
    )


CostingLineFormSet = forms.formset_factory(CostingLineForm, extra=3, can_delete=True)
PriceBreakFormSet = forms.formset_factory(PriceBreakForm, extra=2, can_delete=True)


def filled_rows(formset) -> list[dict]:
    """The rows the user filled and did not tick for removal."""
    return [
        {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
        for form in formset.forms
        if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class CommentForm(forms.Form):
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    comment = FreeText(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class RequoteForm(ReasonForm):
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DateInput)


class CreateOrderForm(forms.Form):
    """Won → the order: what the quotation does not know yet."""

    po_number = forms.CharField(label=_("Customer P/O no."), max_length=60)
    factory = forms.ModelChoiceField(label=_("Factory"), queryset=None)
    colour = forms.CharField(label=_("Colour"), max_length=80)
    quantity = form_fields.IntegerField(label=_("Quantity"), min_value=1)
    order_date = forms.DateField(label=_("Order date"), widget=DateInput)
    customer_date = forms.DateField(label=_("Customer date"), widget=DateInput)
    ex_factory_date = forms.DateField(label=_("Ex-factory date"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The order's factory model, without importing the app that defines it.
        factories = Order._meta.get_field("factory").related_model
        self.fields["factory"].queryset = factories.objects.all()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["factory_id"] = data.pop("factory").pk
        return data
