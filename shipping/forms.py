from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.form_ids import OwnIds
from orders.forms import FreeText, OnceForm
from orders.uploads import UploadValidator
from orders.widgets import DateInput
from shipping import aql as aql_tables
from shipping.choices import (
    AQL_CHOICES,
    INSPECTION_LEVEL_CHOICES,
    ContainerType,
    DeductionSource,
    ExportDocumentKind,
    FailureDecision,
    InspectionKind,
    InspectorParty,
    PaymentKind,
    TransportMode,
)

DATE = DateInput()


class AQLCalculatorForm(forms.Form):
    lot = form_fields.IntegerField(label=_("Lot size"), min_value=1)
    level = forms.ChoiceField(label=_("Inspection level"), choices=INSPECTION_LEVEL_CHOICES)
    aql = forms.ChoiceField(label=_("AQL"), choices=AQL_CHOICES, initial="2.5")

    def plan(self) -> aql_tables.SamplingPlan:
        data = self.cleaned_data
        return aql_tables.sampling_plan(data["lot"], data["level"], data["aql"])


class BookingForm(OnceForm):
    kind = forms.ChoiceField(label=_("Inspection"), choices=InspectionKind.choices)
    party = forms.ChoiceField(label=_("Inspected by"), choices=InspectorParty.choices)
    planned_date = forms.DateField(label=_("Inspection date"), widget=DATE)
    lot_size = form_fields.IntegerField(label=_("Lot size"), min_value=1, required=False)
    level = forms.ChoiceField(
        label=_("Inspection level"), choices=INSPECTION_LEVEL_CHOICES, initial="II"
    )
    aql_critical = forms.ChoiceField(label=_("AQL critical"), choices=AQL_CHOICES, initial="0.010")
    aql_major = forms.ChoiceField(label=_("AQL major"), choices=AQL_CHOICES, initial="2.5")
    aql_minor = forms.ChoiceField(label=_("AQL minor"), choices=AQL_CHOICES, initial="4.0")
    inspection_company = forms.CharField(label=_("Inspection company"), required=False)
    inspector_name = forms.CharField(label=_("Inspector"), required=False)


class DecisionForm(OwnIds, forms.Form):
    id_prefix = "decision"

    decision = forms.ChoiceField(label=_("Decision"), choices=FailureDecision.choices)
    reason = FreeText(label=_("Reason"), widget=forms.Textarea)
    reinspection_date = forms.DateField(label=_("Re-inspection date"), widget=DATE, required=False)


class LetterForm(OnceForm):
    factory_responsible = forms.CharField(label=_("Factory's responsible person"))
    findings = FreeText(
        label=_("Further findings (the report's defects print on the letter)"),
        widget=forms.Textarea,
        required=False,
    )


class SignedScanForm(forms.Form):
    signed_scan = forms.FileField(
        label=_("Signed letter (PDF, JPEG or PNG)"), validators=[UploadValidator("signed_copy")]
    )
    signed_by_name = forms.CharField(label=_("Signed by"), required=False)


class CommentForm(forms.Form):
    comment = FreeText(label=_("Comment"), widget=forms.Textarea, required=False)


class MarksForm(forms.Form):
    main_marks = FreeText(label=_("Main marks"), widget=forms.Textarea)
    side_marks = FreeText(label=_("Side marks"), widget=forms.Textarea, required=False)
    artwork = forms.FileField(
        label=_("Artwork"), required=False, validators=[UploadValidator("document")]
    )


class MarksConfirmForm(OwnIds, forms.Form):
    id_prefix = "marks"

    confirmed_on = forms.DateField(label=_("Confirmed on"), widget=DATE)
    confirmed_by = forms.CharField(label=_("Confirmed by (customer)"))
    reference = forms.CharField(label=_("Customer's reference"), required=False)


class PackingForm(OwnIds, forms.Form):
    id_prefix = "packing"

    # The bounds are the columns' (PackingList): a figure typed with too many digits gets its
    # error here instead of overflowing the database column (a 500).
    pieces_per_carton = form_fields.IntegerField(label=_("Pieces per carton"), min_value=1)
    net_weight_per_piece_kg = forms.DecimalField(
        label=_("Net weight per piece (kg)"), min_value=0, max_digits=8, decimal_places=3
    )
    carton_weight_kg = forms.DecimalField(
        label=_("Empty carton (kg)"), min_value=0, max_digits=8, decimal_places=3
    )
    carton_length_cm = forms.DecimalField(
        label=_("Length (cm)"), min_value=1, max_digits=6, decimal_places=1
    )
    carton_width_cm = forms.DecimalField(
        label=_("Width (cm)"), min_value=1, max_digits=6, decimal_places=1
    )
    carton_height_cm = forms.DecimalField(
        label=_("Height (cm)"), min_value=1, max_digits=6, decimal_places=1
    )


class InvoiceForm(OwnIds, forms.Form):
    id_prefix = "invoice"

    number = forms.CharField(label=_("Invoice no."))
    issued_on = forms.DateField(label=_("Invoice date"), widget=DATE)


class FreightForm(OwnIds, forms.Form):
    id_prefix = "freight"

    forwarder = forms.CharField(label=_("Forwarder"))
    mode = forms.ChoiceField(label=_("By"), choices=TransportMode.choices)
    vessel_or_flight = forms.CharField(label=_("Vessel / flight"))
    port_of_loading = forms.CharField(label=_("Port of loading"), required=False)
    port_of_discharge = forms.CharField(label=_("Port of discharge"), required=False)
    etd = forms.DateField(label=_("ETD"), widget=DATE)
    eta = forms.DateField(label=_("ETA"), widget=DATE)
    container_type = forms.ChoiceField(label=_("Container"), choices=ContainerType.choices)


class ExportDocumentForm(OwnIds, OnceForm):
    id_prefix = "document"

    kind = forms.ChoiceField(label=_("Document"), choices=ExportDocumentKind.choices)
    number = forms.CharField(label=_("Number"))
    issued_on = forms.DateField(label=_("Date"), widget=DATE)
    scan = forms.FileField(
        label=_("Scan"), required=False, validators=[UploadValidator("document")]
    )


MONEY = {"min_value": Decimal("0.01"), "max_digits": 14, "decimal_places": 2}


class PaymentForm(OwnIds, OnceForm):
    id_prefix = "payment"

    kind = forms.ChoiceField(label=_("Payment"), choices=PaymentKind.choices)
    amount = forms.DecimalField(label=_("Amount"), **MONEY)
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    reference = forms.CharField(
        label=_("Bank reference"),
        required=False,
        max_length=80,
        help_text=_("Each bank reference is recorded once per order."),
    )


class DeductionForm(OwnIds, OnceForm):
    id_prefix = "deduction"

    # A credit note is posted by resolving a disputed statement (R31), not typed here.
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[c for c in DeductionSource.choices if c[0] != DeductionSource.CREDIT_NOTE],
    )
    amount = forms.DecimalField(label=_("Amount"), **MONEY)
    reason = FreeText(label=_("Reason"), widget=forms.Textarea)


class InvoiceRequestForm(OnceForm):
    """R34: the merchandiser's invoice request for the shipment."""

    note = FreeText(
        label=_("Note to finance"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
