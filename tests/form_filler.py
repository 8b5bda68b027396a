"""Valid data for any of the site's forms, filled in the way a user would: the first choice of
each list, a date a month ahead, a small number, a short text, a small PDF for a file."""

import uuid
from datetime import timedelta

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _value(field: forms.Field):
    if isinstance(field, forms.UUIDField):
        return str(uuid.uuid4())
    if isinstance(field, forms.ModelChoiceField):
        first = field.queryset.first()
        return first.pk if first else ""
    if isinstance(field, forms.MultipleChoiceField):
        return [next(iter(v for v, _l in field.choices if v), "")]
    if isinstance(field, forms.ChoiceField):
        return next((value for value, _label in field.choices if value not in ("", None)), "")
    if isinstance(field, forms.DateField):
        return (timezone.localdate() + timedelta(days=30)).isoformat()
    if isinstance(field, forms.BooleanField):
        return "on"
    if isinstance(field, forms.ImageField):
        return SimpleUploadedFile("picture.png", PNG, content_type="image/png")
    if isinstance(field, forms.FileField):
        return SimpleUploadedFile("signed.pdf", PDF, content_type="application/pdf")
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return max(field.min_value or 1, 1)
    return "Checked"


def valid_data(form: forms.BaseForm) -> dict:
    return {name: _value(field) for name, field in form.fields.items() if field.required
            or not isinstance(field, forms.FileField)}  # fmt: skip
