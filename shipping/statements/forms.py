from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from orders.forms import FreeText, OnceForm
from orders.models import Customer
from orders.templatetags.gendan import amount
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


class PaperConfirmationForm(forms.Form):
    """R31: a confirmation the customer signed on paper, filed by finance."""

    name = forms.CharField(label=_("Confirmed by (customer)"), max_length=120)
    confirmed_on = forms.DateField(label=_("Confirmed on"), widget=DateInput())
    scan = forms.FileField(
        label=_("Signed statement (scan)"), validators=[UploadValidator("signed_copy")]
    )
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


def line_choices(statement) -> list[tuple[str, str]]:
    """The statement's lines as the customer reads them, to tick the disputed ones."""
    from orders.templatetags.gendan import amount

    return [
        (
            str(line.pk),
            f"{line.day:%Y-%m-%d} {line.get_kind_display()} {line.reference} "
            f"{line.currency} {amount(line.amount)}",
        )
        for line in statement.lines.all()
    ]


class PaperDisputeForm(forms.Form):
    """R31: the customer wrote back disputing lines instead of using the link."""

    name = forms.CharField(label=_("Disputed by (customer)"), max_length=120)
    disputed_on = forms.DateField(label=_("Written on"), widget=DateInput())
    disputed_lines = forms.MultipleChoiceField(
        label=_("Lines the customer disputes"), widget=forms.CheckboxSelectMultiple
    )
    reason = FreeText(
        label=_("Reason the customer gives"), widget=forms.Textarea(attrs={"rows": 2})
    )
    scan = forms.FileField(
        label=_("Customer's letter (scan)"), validators=[UploadValidator("signed_copy")]
    )

    def __init__(self, *args, statement=None, **kwargs):
        super().__init__(*args, **kwargs)
        if statement is not None:
            self.fields["disputed_lines"].choices = line_choices(statement)


class ResolveForm(forms.Form):
    """How the differences were settled, and the credit note agreed, if any (R31)."""

    comment = FreeText(
        label=_("How the differences were resolved"), widget=forms.Textarea(attrs={"rows": 3})
    )
    credit = forms.DecimalField(
        label=_("Credit note agreed"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "Leave empty when nothing is credited. The credit note is posted on the order and "
            "appears on the next statement."
        ),
    )
    order = forms.TypedChoiceField(label=_("On the order"), required=False, coerce=int)

    def __init__(self, *args, statement=None, **kwargs):
        super().__init__(*args, **kwargs)
        if statement is not None:
            lines = statement.lines.filter(disputed=True).select_related("order")
            disputed = {
                line.order_id: f"{line.order.po_number} ({line.currency})" for line in lines
            }
            self.fields["order"].choices = list(disputed.items())

    def clean(self):
        data = super().clean()
        if data.get("credit") is not None and not data.get("order"):
            self.add_error("order", _("Please choose the order the credit note is for."))
        return data


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
        self.fields["disputed_lines"].choices = line_choices(statement)

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


class RunGenerateForm(OnceForm):
    """Finance draws up a customer's invoices of a cut-off on demand (R31)."""

    customer = forms.ModelChoiceField(label=_("Customer"), queryset=Customer.objects.none())
    cutoff = forms.DateField(label=_("Cut-off"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["customer"].queryset = Customer.objects.order_by("name")


class ReceiptForm(forms.Form):
    """R31: the customer confirmed the invoices' receipt by mail, phone or on paper."""

    name = forms.CharField(label=_("Confirmed by (customer)"), max_length=120)
    received_on = forms.DateField(label=_("Confirmed on"), widget=DateInput())
    comment = FreeText(
        label=_("How it was confirmed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    scan = forms.FileField(
        label=_("Signed receipt (scan, if any)"),
        required=False,
        validators=[UploadValidator("signed_copy")],
    )


class ReceiptLinkForm(forms.Form):
    """The customer's receipt through its signed link."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    comment = FreeText(label=_("A note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
