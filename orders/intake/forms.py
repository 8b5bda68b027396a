from django import forms
from django.utils.translation import gettext_lazy as _

from orders.form_ids import OwnIds
from orders.forms import FreeText, OnceForm
from orders.intake.choices import CommodityInspectionStep
from orders.widgets import DateInput


class AskPmcForm(OwnIds, OnceForm):
    id_prefix = "pmc-ask"

    note = FreeText(
        label=_("First review: what PMC should know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PmcReplyForm(OwnIds, forms.Form):
    id_prefix = "pmc-reply"

    delivery_date = forms.DateField(label=_("Delivery date PMC can keep"), widget=DateInput())
    capacity_confirmed = forms.BooleanField(
        label=_("Capacity confirmed for the date the customer asked"), required=False
    )
    note = FreeText(
        label=_("Note (why, when the capacity is short)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PoCountersignatureForm(OwnIds, OnceForm):
    id_prefix = "po-countersign"

    signed_by_name = forms.CharField(
        label=_("Countersigned for the sales office by"), max_length=120
    )
    signed_on = forms.DateField(label=_("Countersigned on"), widget=DateInput())
    note = FreeText(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CommodityInspectionForm(OwnIds, OnceForm):
    """R33: the step is the next one of the order's inspection, named by the page."""

    id_prefix = "commodity-inspection"

    step = forms.ChoiceField(choices=CommodityInspectionStep.choices, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Booking, certificate or declaration no."), max_length=60)
    on = forms.DateField(label=_("Date"), widget=DateInput())
