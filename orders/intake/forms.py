from django import forms
from django.utils.translation import gettext_lazy as _

from orders.forms import FreeText, OnceForm
from orders.widgets import DateInput


class AskPmcForm(OnceForm):
    note = FreeText(
        label=_("First review: what PMC should know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PmcReplyForm(forms.Form):
    delivery_date = forms.DateField(label=_("Delivery date PMC can keep"), widget=DateInput())
    capacity_confirmed = forms.BooleanField(
        label=_("Capacity confirmed for the date the customer asked"), required=False
    )
    note = FreeText(
        label=_("Note (why, when the capacity is short)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
