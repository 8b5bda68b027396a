from django import forms
from django.utils.translation import gettext_lazy as _

from orders.forms import FreeText, OnceForm
from orders.models import Customer
from orders.uploads import UploadValidator
from orders.widgets import DateInput
from shipping.statements.choices import Answer


class GenerateForm(OnceForm):
    """Finance draws up a customer's statement of a month on demand."""

    customer = forms.ModelChoiceField(label=_("Customer"), queryset=Customer.objects.none())
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = Customer.objects.order_by("name")


class CommentForm(forms.Form):
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ResolveForm(forms.Form):
    comment = FreeText(
        label=_("How the differences were resolved"), widget=forms.Textarea(attrs={"rows": 3})
    )


class PaperConfirmationForm(forms.Form):
    """R31: a confirmation the customer signed on paper, filed by finance."""

    name = forms.CharField(label=_("Confirmed by (customer)"), max_length=120)
    confirmed_on = forms.DateField(label=_("Confirmed on"), widget=DateInput())
    scan = forms.FileField(
        label=_("Signed statement (scan)"), validators=[UploadValidator("signed_copy")]
    )
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LinkAnswerForm(forms.Form):
    """The customer's answer through its signed link: confirm, or dispute lines with the reason."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=Answer.choices, widget=forms.RadioSelect
    )
    disputed_lines = forms.MultipleChoiceField(
        label=_("Lines you dispute"), required=False, widget=forms.CheckboxSelectMultiple
    )
    comment = FreeText(
        label=_("Why you dispute them (or a note)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, statement, data=None, files=None):
        super().__init__(data, files)
        from orders.templatetags.gendan import amount

        self.fields["disputed_lines"].choices = [
            (
                str(line.pk),
                f"{line.day:%Y-%m-%d} {line.get_kind_display()} {line.reference} "
                f"{line.currency} {amount(line.amount)}",
            )
            for line in statement.lines.all()
        ]

    def clean(self):
        data = super().clean()
        if data.get("answer") == Answer.DISPUTE:
            if not data.get("disputed_lines"):
                self.add_error("disputed_lines", _("Please tick the lines you dispute."))
            if not (data.get("comment") or "").strip():
                self.add_error("comment", _("Please say why you dispute the lines."))
        return data
