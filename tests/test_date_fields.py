"""Dates survive the Chinese UIs: the browser's date picker shows only ISO values, so every date
field renders its value as 2026-03-01 in every language, and an edit page saved unchanged in
zh-Hant, zh-Hans or English keeps its dates."""

import importlib
import inspect
from datetime import date

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from orders.models import Order
from orders.roles import Role
from suppliers.models import FabricBooking
from tests.factories import make_order, make_team, make_user
from tests.html_forms import browser_form_data, form_index_with_field
from tests.suppliers.builders import make_booking

FORM_MODULES = [
    "orders.forms",
    "orders.planning.forms",
    "suppliers.forms",
    "samples.forms",
    "shipping.forms",
    "shipping.forms_dispatch",
    "complaints.forms",
]
LANGUAGES = ["zh-hant", "zh-hans", "en"]
A_DATE = date(2026, 3, 1)


def date_fields():
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for form_name, form_class in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form_class, forms.BaseForm) or form_class.__module__ != module_name:
                continue
            for field_name, field in form_class.base_fields.items():
                if isinstance(field, forms.DateField):
                    yield pytest.param(field, id=f"{module_name}.{form_name}.{field_name}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("field", list(date_fields()))
def test_every_date_field_renders_a_value_the_date_picker_shows(field, language):
    with translation.override(language):
        html = field.widget.render("on", A_DATE)
    assert 'type="date"' in html
    assert 'value="2026-03-01"' in html


def test_the_project_has_date_fields_to_check():
    assert len(list(date_fields())) > 20


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_fabric_booking_saved_unchanged_in_each_language_keeps_its_delivery_date(client, language):
    merchandiser = make_user(Role.MERCHANDISER, team=make_team(), language=language)
    order = make_order(merchandiser=merchandiser)
    booking = make_booking(order)
    delivery_date = booking.delivery_date
    client.force_login(merchandiser)
    url = reverse("suppliers:fabric_edit", args=[booking.pk])
    page = client.get(url).content
    data = browser_form_data(page, form_index_with_field(page, "delivery_date"))
    assert data["delivery_date"] == delivery_date.isoformat()

    response = client.post(url, data)

    assert response.status_code == 302
    assert FabricBooking.objects.get(pk=booking.pk).delivery_date == delivery_date


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_order_saved_unchanged_in_each_language_keeps_its_dates(client, language):
    merchandiser = make_user(Role.MERCHANDISER, team=make_team(), language=language)
    order = make_order(merchandiser=merchandiser)
    before = Order.objects.values("order_date", "customer_date", "ex_factory_date").get(pk=order.pk)
    client.force_login(merchandiser)
    url = reverse("orders:edit", args=[order.pk])
    page = client.get(url).content
    data = browser_form_data(page, form_index_with_field(page, "ex_factory_date"))

    response = client.post(url, data)

    assert response.status_code == 302
    after = Order.objects.values("order_date", "customer_date", "ex_factory_date").get(pk=order.pk)
    assert after == before
