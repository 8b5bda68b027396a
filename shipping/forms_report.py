"""QC's inspection report, made for a phone: any number of defect rows (each with a photo from
the camera), the measurements per size, and photos of the lot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import FreeText, OnceForm, RowKeyedBy
from orders.uploads import UploadValidator
from orders.widgets import DateInput
from shipping.choices import DefectClass

CAMERA = {"accept": "image/*", "capture": "environment"}


class ReportForm(OnceForm):
    inspected_on = forms.DateField(label=_("Inspected on"), widget=DateInput)
    quantity_presented = form_fields.IntegerField(label=_("Quantity presented"), min_value=0)
    cartons_opened = form_fields.IntegerField(label=_("Cartons opened"), min_value=0, initial=0)
    critical = form_fields.IntegerField(label=_("Critical defects found"), min_value=0, initial=0)
    major = form_fields.IntegerField(label=_("Major defects found"), min_value=0, initial=0)
    minor = form_fields.IntegerField(label=_("Minor defects found"), min_value=0, initial=0)
    packing_ok = forms.BooleanField(label=_("Packing as instructed"), required=False)
    marking_ok = forms.BooleanField(label=_("Shipping marks and labels correct"), required=False)
    packing_notes = FreeText(
        label=_("Packing and marking notes"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    measurements = FreeText(
        label=_("Measurement notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    remarks = FreeText(
        label=_("Inspector's remarks"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DefectForm(RowKeyedBy, forms.Form):
    row_key = "description"

    defect_class = forms.ChoiceField(
        label=_("Class"), choices=DefectClass.choices, initial=DefectClass.MAJOR
    )
    description = forms.CharField(label=_("Defect"), max_length=255)
    quantity = form_fields.IntegerField(label=_("Pieces"), min_value=1, initial=1)
    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs=CAMERA),
        validators=[UploadValidator("photo")],
    )


class MeasurementForm(RowKeyedBy, forms.Form):
    row_key = "point"

    point = forms.CharField(label=_("Point of measure"), max_length=120)
    size = forms.ChoiceField(label=_("Size"), choices=())
    spec_cm = forms.DecimalField(label=_("Spec (cm)"), max_digits=7, decimal_places=2, min_value=0)
    tolerance_cm = forms.DecimalField(
        label=_("Tolerance ± (cm)"), max_digits=5, decimal_places=2, min_value=0, initial=1
    )
    measured_cm = forms.DecimalField(
        label=_("Measured (cm)"), max_digits=7, decimal_places=2, min_value=0
    )

    def __init__(self, *args, sizes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["size"].choices = [(size, size) for size in sizes]


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.ImageField):
    """Any number of pictures in one input (the phone's camera or gallery)."""

    widget = MultipleImageInput(attrs={**CAMERA, "multiple": True})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(PhotosField, self).clean(file, initial) for file in files]


class PhotosForm(forms.Form):
    photos = PhotosField(
        label=_("Photos of the lot"), required=False, validators=[UploadValidator("photo")]
    )


DefectFormSet = forms.formset_factory(DefectForm, extra=2)
MeasurementFormSet = forms.formset_factory(MeasurementForm, extra=3)
