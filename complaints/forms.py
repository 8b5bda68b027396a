"""Input forms of the complaints screens. They parse and validate input; the services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from complaints import rules
from complaints.choices import (
    ArrivalDecision,
    AttachmentKind,
    ComplaintKind,
    Fault,
    Remedy,
    ReturnCause,
    SignOffStep,
)
from orders import form_fields
from orders.forms import FreeText, OnceForm
from orders.uploads import UploadValidator, validate_upload
from orders.widgets import DateInput
from shipping.models import FreightBooking, InspectionReport


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern), each checked by content."""

    def __init__(self, *args, kind="document", **kwargs):
        self.kind = kind
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(item, initial) for item in data] if isinstance(data, list | tuple) else []
        if data and not files:
            files = [single(data, initial)]
        files = [upload for upload in files if upload]
        for upload in files:
            validate_upload(upload, self.kind)
        return files


def _date_input():
    return DateInput()


class ComplaintForm(OnceForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ComplaintKind.choices)
    received_on = forms.DateField(label=_("Received on"), widget=_date_input())
    description = FreeText(label=_("Customer's description"), widget=forms.Textarea)
    quantity_affected = form_fields.IntegerField(label=_("Quantity affected (pcs)"), min_value=0)
    measured_weight_kg = forms.DecimalField(
        label=_("Weight measured by the customer (kg)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=3,
        help_text=_("Required for short-shipment complaints (R16)."),
    )
    shipment_id = forms.TypedChoiceField(
        label=_("Shipment"), coerce=int, required=False, empty_value=None
    )
    inspection_id = forms.TypedChoiceField(
        label=_("Inspection"), coerce=int, required=False, empty_value=None
    )
    photos = MultipleFileField(label=_("Photos"), required=False, kind="photo")
    documents = MultipleFileField(label=_("Documents (PDF, JPEG, PNG)"), required=False)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["shipment_id"].choices = [("", "—")] + [
            (booking.pk, str(booking)) for booking in FreightBooking.objects.filter(order=order)
        ]
        self.fields["inspection_id"].choices = [("", "—")] + [
            (report.pk, f"{report.booking.get_kind_display()} {report.inspected_on}")
            for report in InspectionReport.objects.filter(booking__order=order).select_related(
                "booking"
            )
        ]

    def clean(self):
        data = super().clean()
        refusal = rules.r16_weight_refusal(data.get("kind"), data.get("measured_weight_kg"))
        if refusal:
            self.add_error("measured_weight_kg", refusal)
        return data


class AttachmentForm(OnceForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices)
    upload = forms.FileField(label=_("File"))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=200)

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload:
            kind = "photo" if data.get("kind") == AttachmentKind.PHOTO else "document"
            try:
                validate_upload(upload, kind)
            except ValidationError as error:
                self.add_error("upload", error)
        return data


class CommentForm(forms.Form):
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea)


class AnalyseForm(forms.Form):
    cause = FreeText(label=_("Analysed cause"), widget=forms.Textarea)
    corrective_action = FreeText(label=_("Corrective action"), widget=forms.Textarea)
    fault = forms.ChoiceField(label=_("Fault"), choices=Fault.choices)


class ReplyForm(forms.Form):
    remedy = forms.ChoiceField(label=_("Remedy"), choices=Remedy.choices)
    reply_text = FreeText(label=_("Reply"), required=False, widget=forms.Textarea)
    reply_document = forms.FileField(
        label=_("Reply letter (PDF, JPEG, PNG)"),
        required=False,
        validators=[UploadValidator("document")],
    )


class RemedyShippedForm(forms.Form):
    shipped_on = forms.DateField(label=_("Shipped on"), widget=_date_input())
    reference = forms.CharField(label=_("Shipment reference"), required=False, max_length=120)


class ClaimForm(OnceForm):
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=14, decimal_places=2)
    reason = FreeText(label=_("Reason"), widget=forms.Textarea)


class ReturnForm(OnceForm):
    applied_on = forms.DateField(label=_("Customer applied on"), widget=_date_input())
    reasons = FreeText(label=_("Reasons for the return"), widget=forms.Textarea)
    cause = forms.ChoiceField(label=_("Cause"), choices=ReturnCause.choices)
    production_problem = forms.BooleanField(label=_("Production problem"), required=False)
    complaint_id = forms.TypedChoiceField(
        label=_("Complaint handling report"), coerce=int, required=False, empty_value=None
    )
    back_to_factory = forms.BooleanField(
        label=_("Goods go back to the factory (needs the general manager)"), required=False
    )

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complaint_id"].choices = [("", "—")] + [
            (complaint.pk, f"{complaint.number} {complaint.get_kind_display()}")
            for complaint in order.complaints.all()
        ]


class ReturnLineForm(forms.Form):
    style_no = forms.CharField(label=_("Style no."), max_length=60, required=False)
    colour = forms.CharField(label=_("Colour"), max_length=80, required=False)
    size = forms.CharField(label=_("Size"), max_length=20, required=False)
    quantity = form_fields.IntegerField(label=_("Quantity"), min_value=0, required=False)


ReturnLineFormSet = forms.formset_factory(ReturnLineForm, extra=4)


class ApproveReturnForm(forms.Form):
    reason = FreeText(
        label=_("Reason (required for a customer-caused return)"),
        required=False,
        widget=forms.Textarea,
    )
    handling = FreeText(label=_("Handling after the return"), required=False, widget=forms.Textarea)


class RefuseReturnForm(forms.Form):
    reason = FreeText(label=_("Reason for refusing"), widget=forms.Textarea)


class EmptyForm(forms.Form):
    pass


class ReceiveForm(forms.Form):
    differences = FreeText(
        label=_("Other differences (e.g. wrong models)"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(application.lines.all())
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = form_fields.IntegerField(
                label=f"{line.style_no} {line.colour} {line.size} ({line.quantity})",
                min_value=0,
                initial=line.quantity,
            )

    def received(self) -> dict[int, int]:
        return {line.pk: self.cleaned_data[f"line_{line.pk}"] for line in self.lines}


class SignOffForm(forms.Form):
    step = forms.ChoiceField(label=_("Sign as"), choices=SignOffStep.choices)
    comment = forms.CharField(label=_("Comment"), required=False)


class ArrivalForm(OnceForm):
    arrived_on = forms.DateField(label=_("Arrived on"), widget=_date_input())
    goods = FreeText(label=_("What arrived"), widget=forms.Textarea)
    quantity = form_fields.IntegerField(label=_("Pieces"), min_value=0)
    waybill = forms.CharField(label=_("Carrier / waybill"), required=False, max_length=120)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=ArrivalDecision.choices, initial=ArrivalDecision.REFUSED
    )
    reason = FreeText(label=_("Reason"), widget=forms.Textarea)
