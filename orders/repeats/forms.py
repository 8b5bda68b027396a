from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.widgets import DateInput


class RepeatOrderForm(forms.Form):
    po_number = forms.CharField(label=_("Customer's new P/O no."), max_length=60)
    order_date = forms.DateField(
        label=_("Order date"), widget=DateInput, initial=timezone.localdate
    )
    customer_date = forms.DateField(label=_("Customer date (客期)"), widget=DateInput)
    ex_factory_date = forms.DateField(label=_("Ex-factory date"), widget=DateInput)
    copy_quantities = forms.TypedChoiceField(
        label=_("Quantities"),
        choices=[("0", _("Leave blank: the customer gives new ones")), ("1", _("Copy them"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="0",
    )


class ArtworkConfirmForm(forms.Form):
    confirmed_by = forms.CharField(label=_("Confirmed by (customer's side)"), max_length=120)
    confirmed_on = forms.DateField(
        label=_("Confirmed on"), widget=DateInput, initial=timezone.localdate
    )
    reference = forms.CharField(
        label=_("Customer's confirmation (document no.)"), required=False, max_length=80
    )
