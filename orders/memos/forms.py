from django import forms
from django.utils.translation import gettext_lazy as _

from orders.forms import FreeText, OnceForm
from orders.roles import Role


class WorkMemoForm(OnceForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = FreeText(
        label=_("What changes, and what each department does"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    addressed_to = forms.MultipleChoiceField(
        label=_("To the departments"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class WithdrawMemoForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)
