"""Every uploaded file is checked by its content and size (orders.uploads) and is served only
through the view that checks who asks — never by Django's static helper, even with DEBUG on."""

import os

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import resolve, reverse

from orders.models import CompanyProfile, ContractCheck
from orders.roles import Role
from orders.uploads import KINDS, UploadValidator, safe_name
from orders.views.files import protected_file_view
from samples.models import StyleMasterFile
from tests.factories import fresh, make_customer, make_order, make_team, make_user
from tests.form_filler import PDF, PNG

pytestmark = pytest.mark.django_db

WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def _check_contract(client, order, upload):
    return client.post(
        reverse("orders:contract_check", args=[order.pk]),
        {"version": order.version, "signed_contract": upload},
        follow=True,
    )


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


def test_an_executable_renamed_pdf_is_refused_on_the_contract_check(client, order, merchandiser):
    client.force_login(merchandiser)

    response = _check_contract(client, order, SimpleUploadedFile("contract.pdf", WINDOWS_EXE))

    assert "Please upload a PDF, JPEG or PNG file." in response.content.decode()
    assert not fresh(order).contract_check.signed_contract


def test_a_file_over_the_kinds_limit_is_refused(client, order, merchandiser, settings):
    settings.GENDAN_UPLOAD_MAX_MB = {**settings.GENDAN_UPLOAD_MAX_MB, "signed_copy": 1}
    client.force_login(merchandiser)
    too_big = PDF + os.urandom(1024 * 1024)

    response = _check_contract(client, order, SimpleUploadedFile("contract.pdf", too_big))

    assert "The file is too large (at most 1 MB)." in response.content.decode()
    assert not fresh(order).contract_check.signed_contract


def test_every_kind_has_its_size_limit_in_the_settings():
    assert set(KINDS) <= set(settings.GENDAN_UPLOAD_MAX_MB)


@pytest.mark.parametrize(
    ("name", "content_type", "safe"),
    [
        ("../../etc/passwd.pdf", "application/pdf", "passwd.pdf"),
        ("fdp\u202e.exe", "application/pdf", "fdp.pdf"),  # named for what it is
        ("報價 單.JPEG", "image/jpeg", "報價_單.jpeg"),
        ("C:\\scans\\letter.png", "image/png", "letter.png"),
        ("price.xlsx", "application/zip", "price.xlsx"),
        ("", "image/png", "upload.png"),
    ],
)
def test_uploaded_names_are_made_safe(name, content_type, safe):
    assert safe_name(name, content_type) == safe


def test_a_signed_contract_is_served_to_whoever_sees_the_order_and_nobody_else(
    client, order, merchandiser, settings
):
    settings.DEBUG = True  # the static helper would serve any file to anyone: it is not used
    client.force_login(merchandiser)
    _check_contract(client, order, SimpleUploadedFile("contract.png", PNG))
    url = ContractCheck.objects.get(order=order).signed_contract.url
    assert resolve(url).func is protected_file_view

    assert client.get(url).status_code == 200
    client.force_login(make_user(Role.MERCHANDISER, team=make_team("Wovens")))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(merchandiser)
    assert client.get(url.replace(".png", "-other.png")).status_code == 404


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield field


def test_every_file_field_of_every_model_is_checked_by_the_one_validator():
    fields = list(_file_fields())
    assert len(fields) >= 16  # the walk found the models' files
    unchecked = [
        f"{field.model._meta.label}.{field.name}"
        for field in fields
        if not any(isinstance(check, UploadValidator) for check in field.validators)
    ]
    assert unchecked == []


@pytest.fixture
def admin_user_client(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def test_the_admin_refuses_an_executable_as_a_style_master_file(admin_user_client):
    customer = make_customer()
    response = admin_user_client.post(
        reverse("admin:samples_stylemasterfile_add"),
        {
            "customer": customer.pk,
            "style_no": "ST-1",
            "document": SimpleUploadedFile("master.pdf", WINDOWS_EXE),
        },
    )

    assert "Please upload a PDF, a picture or an Excel or Word file." in response.content.decode()
    assert not StyleMasterFile.objects.exists()


def test_the_admin_refuses_a_logo_over_the_pictures_limit(admin_user_client, settings):
    settings.GENDAN_UPLOAD_MAX_MB = {**settings.GENDAN_UPLOAD_MAX_MB, "picture": 1}
    response = admin_user_client.post(
        reverse("admin:orders_companyprofile_add"),
        {
            "name_en": "Northwind Trading",
            "logo": SimpleUploadedFile("logo.png", PNG + b"\0" * (1024 * 1024)),
        },
    )

    assert "The file is too large (at most 1 MB)." in response.content.decode()
    assert not CompanyProfile.objects.exists()
