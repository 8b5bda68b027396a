"""The role table (orders/role_table.py) against the README: each staff role opens exactly the admin
pages the README's table sends it to, and gets 403 on every other; the site-only roles are sent to
the login page."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from orders.models import CompanyProfile
from orders.role_table import ROLE_PERMISSIONS, apply_role_table
from orders.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
STAFF_ROLES = {
    "Department manager": Role.DEPARTMENT_MANAGER,
    "General manager": Role.GENERAL_MANAGER,
    "Administration": Role.ADMINISTRATION,
    "Finance": Role.FINANCE,
}


def readme_admin_pages() -> dict[str, set[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### What each role opens in the Django admin", 1)[1].split("\n## ", 1)[0]
    pages: dict[str, set[str]] = {}
    for label, cells in re.findall(r"^\| ([A-Z][a-z ]+) \| (\w+: .+) \|$", section, re.M):
        pages[STAFF_ROLES[label]] = {
            f"{app}.{model.strip()}"
            for app, models in re.findall(r"(\w+): ([\w, ]+)", cells)
            for model in models.split(",")
        }
    return pages


def admin_pages() -> dict[str, str]:
    return {
        model._meta.label_lower: reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        )
        for model in admin.site._registry
    }


def test_readme_names_every_staff_role_and_only_registered_pages():
    pages = readme_admin_pages()
    assert set(pages) == set(STAFF_ROLES.values())
    for role_pages in pages.values():
        assert role_pages <= set(admin_pages())


@pytest.mark.parametrize("role", list(STAFF_ROLES.values()))
def test_each_staff_role_opens_the_admin_pages_the_readme_names_and_no_other(client, role):
    CompanyProfile.objects.create(name_en="Gendan Trading Co., Ltd.")
    client.force_login(make_user(role, is_staff=True))
    allowed = readme_admin_pages()[role]
    pages = admin_pages().items()
    answers = {page: client.get(url, follow=True).status_code for page, url in pages}
    assert {page for page, code in answers.items() if code == 200} == allowed
    assert {code for page, code in answers.items() if page not in allowed} <= {403}


@pytest.mark.parametrize("role", [Role.MERCHANDISER, Role.PMC, Role.QC, Role.WAREHOUSE])
def test_site_roles_are_sent_from_the_admin_to_the_login_page(client, role):
    client.force_login(make_user(role))
    for url in admin_pages().values():
        answer = client.get(url)
        assert answer.status_code == 302 and "/admin/login/" in answer["Location"]


def test_managers_reach_the_shipping_pages_the_readme_sends_them_to(
    client, department_manager, general_manager
):
    for manager in (department_manager, general_manager):
        client.force_login(manager)
        for page in ("guaranteeletter", "inspectionreport", "dispatch"):
            assert client.get(f"/admin/shipping/{page}/").status_code == 200


def test_migrate_resets_a_group_to_its_row_of_the_table():
    finance = Group.objects.get(name=Role.FINANCE)
    finance.permissions.clear()
    manager = Group.objects.get(name=Role.DEPARTMENT_MANAGER)
    manager.permissions.add(*Group.objects.get(name=Role.GENERAL_MANAGER).permissions.all())
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as migrate ends
    for group in (finance, manager):
        held = {
            (p.content_type.app_label, p.codename)
            for p in group.permissions.select_related("content_type")
        }
        wanted = {
            (label, codename)
            for label, codenames in ROLE_PERMISSIONS[group.name].items()
            for codename in codenames
        }
        assert held == wanted


def test_every_codename_in_the_table_names_an_existing_permission():
    apply_role_table()
    for role, row in ROLE_PERMISSIONS.items():
        held = Group.objects.get(name=role).permissions.count()
        assert held == sum(len(set(codenames)) for codenames in row.values()), role
