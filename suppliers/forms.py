from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import FreeText, OnceForm
from orders.uploads import UploadValidator
from orders.widgets import DateInput
from suppliers.choices import (
    CustomerDecisionReason,
    Decider,
    Decision,
    ProcurementStatus,
    SupplierKind,
)
from suppliers.models import FabricBooking, Supplier, SupplierContact, Trim
from suppliers.services.fabric import BOOKING_FIELDS
from suppliers.services.trims import TRIM_FIELDS

DATE = DateInput()


class FabricBookingForm(forms.ModelForm):
    class Meta:
        model = FabricBooking
        fields = BOOKING_FIELDS
        field_classes = {"test_requirements": FreeText}
        widgets = {"delivery_date": DATE, "needed_by": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = Supplier.objects.filter(kind=SupplierKind.FABRIC_MILL)
        self.fields["contact"].queryset = SupplierContact.objects.filter(
            supplier__kind=SupplierKind.FABRIC_MILL
        ).select_related("supplier")


class TrimForm(forms.ModelForm):
    """Every field is optional here: the service names what the chosen source still needs."""

    class Meta:
        model = Trim
        fields = [name for name in TRIM_FIELDS if name != "season_trim"]
        widgets = {"order_date": DATE, "in_house_date": DATE, "needed_by": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = Supplier.objects.filter(kind=SupplierKind.TRIM_SUPPLIER)
        self.fields["contact"].queryset = SupplierContact.objects.filter(
            supplier__kind=SupplierKind.TRIM_SUPPLIER
        ).select_related("supplier")


class TrimPictureForm(OnceForm):
    picture = forms.FileField(
        label=_("picture"),
        help_text=_("JPEG or PNG; printed on the trim list (R24)."),
        validators=[UploadValidator("picture")],
    )


class SignForm(forms.Form):
    comment = forms.CharField(label=_("comment"), required=False)


class EmptyForm(forms.Form):
    pass


class LabDipSubmitForm(OnceForm):
    colourway = forms.ChoiceField(label=_("colourway"))
    submitted_on = forms.DateField(label=_("submitted on"), widget=DATE)
    reference = forms.CharField(label=_("reference"), required=False)

    def __init__(self, *args, colourways=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colourway"].choices = [(c, c) for c in colourways]


class BulkSubmitForm(OnceForm):
    submitted_on = forms.DateField(label=_("submitted on"), widget=DATE)
    with_wash_standard = forms.BooleanField(label=_("wash standard included"), required=False)
    reference = forms.CharField(label=_("reference"), required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[
            (Decision.APPROVED, Decision.APPROVED.label),
            (Decision.REJECTED, Decision.REJECTED.label),
        ],
    )
    decided_by_party = forms.ChoiceField(label=_("decided by"), choices=Decider.choices)
    customer_reason = forms.ChoiceField(
        label=_("why the customer decided"),
        choices=[("", "—"), *CustomerDecisionReason.choices],
        required=False,
    )
    comments = FreeText(label=_("comments"), widget=forms.Textarea, required=False)


class LabTestSendForm(OnceForm):
    lab = forms.ModelChoiceField(
        label=_("lab"),
        queryset=Supplier.objects.filter(kind=SupplierKind.TEST_LAB, approved=True),
        help_text=_("Approved labs only (R3)."),
    )
    sent_on = forms.DateField(label=_("sent to the lab on"), widget=DATE)
    items = FreeText(
        label=_("test items"),
        widget=forms.Textarea,
        help_text=_("One per line: test item | customer's standard"),
    )

    def item_list(self) -> list[dict]:
        rows = []
        for line in self.cleaned_data["items"].splitlines():
            name, _sep, requirement = line.partition("|")
            if name.strip():
                rows.append({"name": name.strip(), "requirement": requirement.strip()})
        return rows


class LabResultsForm(forms.Form):
    reported_on = forms.DateField(label=_("reported on"), widget=DATE)
    report_no = forms.CharField(label=_("report no."), required=False)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"value_{item.pk}"] = forms.CharField(
                label=f"{item.name} ({item.requirement})" if item.requirement else item.name,
                required=False,
            )
            self.fields[f"passed_{item.pk}"] = forms.BooleanField(
                label=_("%(item)s passed") % {"item": item.name}, required=False
            )

    def results(self) -> dict[int, tuple[str, bool]]:
        data = self.cleaned_data
        return {
            item.pk: (data[f"value_{item.pk}"], data[f"passed_{item.pk}"]) for item in self.items
        }


class ProcurementForm(forms.Form):
    status = forms.ChoiceField(
        label=_("procurement"),
        choices=[c for c in ProcurementStatus.choices if c[0] != ProcurementStatus.NOT_ORDERED],
    )
    on = forms.DateField(label=_("date"), widget=DATE)
    expected_on = forms.DateField(label=_("expected in-house"), widget=DATE, required=False)
    needed_by = forms.DateField(label=_("needed by"), widget=DATE, required=False)


class TrimCardReceiveForm(forms.Form):
    received_on = forms.DateField(label=_("received on"), widget=DATE)
    copies = form_fields.IntegerField(label=_("copies"), initial=2, min_value=1)


class TrimCardReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("result of the check"),
        choices=[
            ("approve", _("Correct: sign it, one copy to QC, one filed")),
            ("return", _("Errors: return it to the factory")),
        ],
    )
    errors_found = FreeText(label=_("errors found"), widget=forms.Textarea, required=False)
