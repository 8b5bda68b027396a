"""Every business object's lifecycle is a protected django-fsm field declared on its model, and no
code outside the transitions writes a state: a manager reading a status can trust it went through
the rules (who may, what must hold) and left its who/when/why on the record."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from django_fsm import FSMFieldMixin

from orders.lifecycle import lifecycle_fields

ROOT = Path(__file__).resolve().parents[1]
APPS = ("orders", "suppliers", "samples", "shipping", "complaints")
# Apps kept inside orders/ (their code is read with it) under labels of their own.
LABELS = (*APPS, "quotations", "credit", "statements", "intake")

LIFECYCLES = {
    ("orders", "order", "stage"),
    ("orders", "changerequest", "status"),
    ("orders", "orderimport", "status"),
    ("orders", "workmemo", "status"),
    ("suppliers", "trimcard", "status"),
    ("orders", "datechangerequest", "status"),
    ("samples", "samplerequest", "status"),
    ("samples", "commentletter", "status"),
    ("shipping", "dispatch", "status"),
    ("complaints", "complaint", "status"),
    ("complaints", "returnapplication", "status"),
    ("suppliers", "fabricbooking", "procurement_status"),
    ("suppliers", "trim", "procurement_status"),
    ("quotations", "quotation", "status"),
    ("credit", "creditguarantee", "status"),
    ("statements", "statement", "status"),
    ("statements", "invoicerun", "status"),
    ("shipping", "invoicerequest", "status"),
    ("intake", "pmcreply", "status"),
    ("suppliers", "labdipsubmission", "decision"),
    ("suppliers", "bulkfabricsubmission", "decision"),
}
# The outbox rows keep their conditional-update claims (being rebuilt as an outbox of their own).
OUTBOX: set = set()
# The outbox row's own lifecycle (orders.models.outbox): a worker's steps, not a user's.
OUTBOX_LIFECYCLE = {("orders", "outboxmessage", "state")}
# The outbox rows' own claims (conditional updates), and where they are written.
OUTBOX_FILES = {"orders/reminders/digests.py", "orders/documents/delivery.py"}
HAND_WRITTEN_STATE = re.compile(
    r"\.(?P<field>status|procurement_status|stage|decision)\s*=[^=]"
    r"|update\([^)]*\b(?P<updated>status|procurement_status|stage|decision)\s*="
)


@pytest.mark.parametrize("app_label,model,field", sorted(LIFECYCLES))
def test_each_lifecycle_is_a_protected_fsm_field(app_label, model, field):
    declared = apps.get_model(app_label, model)._meta.get_field(field)
    assert isinstance(declared, FSMFieldMixin) and declared.protected


def test_every_state_field_of_the_apps_is_a_known_lifecycle():
    """A new status field is declared as a lifecycle (or listed here on purpose)."""
    found = {
        (model._meta.app_label, model._meta.model_name, field.name)
        for model in apps.get_models()
        if model._meta.app_label in LABELS
        for field in model._meta.get_fields()
        if field.name in ("status", "stage", "procurement_status")
        or isinstance(field, FSMFieldMixin)
    }
    assert found == LIFECYCLES | OUTBOX | OUTBOX_LIFECYCLE
    declared = {(m._meta.app_label, m._meta.model_name, f.name) for m, f in lifecycle_fields()}
    assert declared == LIFECYCLES | OUTBOX_LIFECYCLE


def test_every_lifecycle_field_is_protected_and_every_transition_names_who_may():
    for model, field in lifecycle_fields():
        assert field.protected, model
        if model._meta.model_name in ("orderimport", "outboxmessage"):
            continue  # their steps are a worker's (the import's, the outbox's), never a user's
        for transition in getattr(model, f"get_all_{field.name}_transitions")(model()):
            assert transition.permission is not None, (model, transition.name)


def hand_written_states() -> list[str]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if HAND_WRITTEN_STATE.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_code_writes_a_lifecycle_state_by_hand():
    left = [line for line in hand_written_states() if line.split(":")[0] not in OUTBOX_FILES]
    assert left == []


def test_the_admin_never_edits_a_lifecycle_state():
    """An admin form would write the state by hand: every lifecycle field is read-only there."""
    superuser = User(is_superuser=True, is_staff=True, is_active=True)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    for model, field in lifecycle_fields():
        model_admin = admin.site._registry.get(model)
        if model_admin is None or not model_admin.has_change_permission(request):
            continue
        assert field.name not in model_admin.get_form(request).base_fields, model
