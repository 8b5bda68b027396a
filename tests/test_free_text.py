"""Free text typed into a box has a length limit (GENDAN_FREE_TEXT_MAX_CHARS), everywhere."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse

from orders.choices import Stage
from tests.factories import make_order
from tests.qa.conftest import in_stage

APPS = ("orders", "shipping", "suppliers", "samples", "complaints")


def _project_forms():
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == info.name:
                    yield cls


def test_every_text_box_of_every_form_has_a_length_limit():
    unbounded = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _project_forms()
        for name, field in getattr(cls, "base_fields", {}).items()
        if isinstance(field, forms.CharField)
        and isinstance(field.widget, forms.Textarea)
        and not field.max_length
    ]
    assert unbounded == []


@pytest.mark.django_db
def test_a_complaint_longer_than_the_limit_is_refused_with_the_limit(client, merchandiser):
    order = in_stage(make_order(merchandiser=merchandiser), Stage.SHIPPING)
    client.force_login(merchandiser)
    limit = settings.GENDAN_FREE_TEXT_MAX_CHARS

    response = client.post(
        reverse("complaints:create", args=[order.pk]),
        {
            "kind": "quality",
            "received_on": "2026-11-20",
            "description": "x" * (limit + 1),
            "quantity_affected": "1",
        },
    )

    assert response.status_code == 200
    assert f"at most {limit} characters" in response.content.decode()
    assert not order.complaints.exists()
