"""Every figure a form takes in has an upper bound: a number typed with 20 digits gets the
field's translated error, not a 500 from the database column it would overflow."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.urls import reverse
from django.utils import translation

from complaints.choices import ComplaintKind
from complaints.models import Complaint
from orders.form_fields import INTEGER_MAX
from samples.forms import SAMPLE_PIECES_MAX
from tests.factories import make_order
from tests.test_form_errors import site_forms

TWENTY_DIGITS = "99999999999999999999"


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


def unbounded(field: forms.Field) -> bool:
    if isinstance(field, forms.DecimalField):  # a DecimalField is an IntegerField in Django
        return field.max_digits is None and field.max_value is None
    if isinstance(field, forms.IntegerField):
        return field.max_value is None or field.max_value > INTEGER_MAX
    return False


@pytest.mark.parametrize("form_class", list(site_forms()))
def test_every_figure_field_of_every_form_has_an_upper_bound(form_class):
    fields = form_class.base_fields.items()
    assert [name for name, field in fields if unbounded(field)] == []


def test_fields_made_per_line_use_the_bounded_integer_field_too():
    """Forms that add a field per order line (dispatch, receipt, change request) cannot be
    walked without their objects; no module of the site builds Django's unbounded field."""
    root = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if not {".venv", "tests", "migrations"} & set(path.relative_to(root).parts)
        and path.name != "form_fields.py"
        and re.search(r"\bforms\.IntegerField\(", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_a_twenty_digit_quantity_gets_the_fields_error_not_a_500(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.post(
        reverse("complaints:create", args=[order.pk]),
        {
            "kind": ComplaintKind.BREAKAGE,
            "received_on": "2025-03-01",
            "description": "Glass broken in 3 cartons",
            "quantity_affected": TWENTY_DIGITS,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["quantity_affected"] == [
        "Ensure this value is less than or equal to 2147483647."
    ]
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_a_twenty_digit_sample_count_is_refused_in_chinese_too(client, order, merchandiser):
    merchandiser.profile.language = "zh-hant"
    merchandiser.profile.save()
    client.force_login(merchandiser)
    response = client.post(
        reverse("samples:create", args=[order.pk]),
        {
            "sample_type": "pp",
            "requested_on": "2026-05-01",
            "customer_pieces": TWENTY_DIGITS,
            "file_pieces": 1,
            "factory_pieces": 1,
        },
    )

    with translation.override("zh-hant"):
        expected = str(MaxValueValidator.message) % {"limit_value": SAMPLE_PIECES_MAX}
    assert "Ensure" not in expected
    assert response.status_code == 400  # the form comes back with its errors
    assert response.context["form"].errors["customer_pieces"] == [expected]
    assert not order.samples.exists()
