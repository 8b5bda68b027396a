"""Input forms of the samples screens: they parse and validate input; services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import FreeText, OnceForm, RowKeyedBy
from orders.uploads import UploadValidator
from orders.widgets import DateInput
from samples.choices import Area, DecidedBy, LetterLayout, Recipient, SampleType, Severity

# A sample is a handful of pieces; the three counts add up to the sample's quantity, which must
# still fit its column.
SAMPLE_PIECES_MAX = 1000


class SampleRequestForm(OnceForm):
    sample_type = forms.ChoiceField(label=_("Type"), choices=SampleType.choices)
    requested_on = forms.DateField(
        label=_("Requested from the factory on"),
        initial=timezone.localdate,
        widget=DateInput(),
    )
    due_on = forms.DateField(
        label=_("Due from the factory"),
        required=False,
        widget=DateInput(),
    )
    customer_pieces = form_fields.IntegerField(
        label=_("Pieces for the customer"), min_value=0, max_value=SAMPLE_PIECES_MAX, initial=1
    )
    file_pieces = form_fields.IntegerField(
        label=_("Pieces for our file / QC"), min_value=0, max_value=SAMPLE_PIECES_MAX, initial=1
    )
    factory_pieces = form_fields.IntegerField(
        label=_("Pieces for the factory"), min_value=0, max_value=SAMPLE_PIECES_MAX, initial=1
    )
    instructions = FreeText(
        label=_("Instructions to the factory"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def allocation(self) -> dict[str, int]:
        data = self.cleaned_data
        return {
            Recipient.CUSTOMER: data["customer_pieces"],
            Recipient.FILE: data["file_pieces"],
            Recipient.FACTORY: data["factory_pieces"],
        }


class MeasurementForm(forms.Form):
    point_of_measure = forms.CharField(label=_("Point of measure"), max_length=120)
    size = forms.CharField(label=_("Size"), max_length=20, required=False)
    spec = forms.DecimalField(label=_("Spec"), max_digits=8, decimal_places=2)
    tolerance = forms.DecimalField(
        label=_("Tolerance ±"), max_digits=6, decimal_places=2, min_value=0, initial=0
    )
    actual = forms.DecimalField(label=_("Actual"), max_digits=8, decimal_places=2)
    accepted = forms.BooleanField(label=_("May produce"), required=False)


class DiscrepancyForm(RowKeyedBy, forms.Form):
    # The area and verdict selects always post a value: only a description makes a row.
    row_key = "description"

    area = forms.ChoiceField(
        label=_("Area"), choices=[c for c in Area.choices if c[0] != Area.MEASUREMENT]
    )
    description = FreeText(label=_("Discrepancy"), widget=forms.Textarea(attrs={"rows": 2}))
    severity = forms.ChoiceField(
        label=_("Verdict"), choices=Severity.choices, initial=Severity.MUST_CORRECT
    )


MeasurementFormSet = forms.formset_factory(MeasurementForm, extra=6)
DiscrepancyFormSet = forms.formset_factory(DiscrepancyForm, extra=3)


class CheckRemarksForm(forms.Form):
    construction_remarks = FreeText(
        label=_("Construction remarks"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    wash_remarks = FreeText(
        label=_("Wash remarks"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    customer_comments = FreeText(
        label=_("Customer's comments"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approved", _("Approve")), ("rejected", _("Reject"))], widget=forms.HiddenInput
    )
    source = forms.ChoiceField(label=_("Decided by"), choices=DecidedBy.choices)
    comment = FreeText(
        label=_("Reason / customer's words (required to reject)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    @property
    def approved(self) -> bool:
        return self.cleaned_data["decision"] == "approved"


class DateForm(forms.Form):
    on = forms.DateField(required=False, widget=DateInput())


class LetterCreateForm(OnceForm):
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[
            (LetterLayout.HOUSE, LetterLayout.HOUSE.label),
            (LetterLayout.CUSTOMER, LetterLayout.CUSTOMER.label),
        ],
    )
    remarks = FreeText(
        label=_("Remarks to the factory"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LetterUploadForm(OnceForm):
    document = forms.FileField(
        label=_("Customer's letter (PDF, JPEG or PNG)"), validators=[UploadValidator("document")]
    )
    production_may_start = forms.TypedChoiceField(
        label=_("What does the customer's letter say?"),
        choices=[("yes", _("Production may start")), ("no", _("Must correct first"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    remarks = FreeText(
        label=_("Remarks to the factory"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EmptyForm(forms.Form):
    pass
