from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import OnceForm
from orders.models import ProcessStep
from orders.planning.choices import Party
from orders.widgets import DateInput


class MilestoneDoneForm(forms.Form):
    on = forms.DateField(label=_("Done on"), widget=DateInput, initial=timezone.localdate)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=500)


class MilestoneReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class ProgressForm(OnceForm):
    step = forms.ModelChoiceField(
        label=_("Process step"), queryset=ProcessStep.objects.filter(active=True)
    )
    reported_on = forms.DateField(
        label=_("Figures as of"), widget=DateInput, initial=timezone.localdate
    )
    quantity_done = form_fields.IntegerField(label=_("Quantity done (to date)"), min_value=0)
    quantity_scrapped = form_fields.IntegerField(
        label=_("Quantity scrapped (to date)"), min_value=0, initial=0
    )
    exception = forms.CharField(label=_("Exception"), required=False, max_length=1000)
    completed = forms.BooleanField(label=_("Step completed"), required=False)


class ProgressWeeklyForm(forms.Form):
    weekly = forms.BooleanField(required=False)


class DateChangeForm(OnceForm):
    requested_by = forms.ChoiceField(
        label=_("Asked by"),
        choices=[(Party.FACTORY, Party.FACTORY.label), (Party.CUSTOMER, Party.CUSTOMER.label)],
    )
    proposed_date = forms.DateField(label=_("Proposed date"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), max_length=1000)
    responsible = forms.ChoiceField(label=_("Responsible"), choices=Party.choices)


class DateChangeDecisionForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Answer of"),
        choices=[(Party.FACTORY, Party.FACTORY.label), (Party.CUSTOMER, Party.CUSTOMER.label)],
    )
    agreed = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("1", _("Agreed")), ("0", _("Refused"))],
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label=_("What they said"), required=False, max_length=1000)
