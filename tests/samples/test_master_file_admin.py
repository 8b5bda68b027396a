"""The admin's bulk approval of style master files runs each file on its own."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from samples.models import StyleMasterFile
from tests.factories import make_customer, make_order, make_user

pytestmark = pytest.mark.django_db


def approve_selected(client, user, files):
    client.force_login(user)
    data = {"action": "approve", "_selected_action": [f.pk for f in files]}
    response = client.post(reverse("admin:samples_stylemasterfile_changelist"), data)
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def files(merchandiser):
    order = make_order(merchandiser=merchandiser)
    customer = make_customer()
    return [
        StyleMasterFile.objects.create(customer=order.customer, style_no=order.style_no),
        StyleMasterFile.objects.create(customer=customer, style_no="B-2"),
    ]


def test_manager_approves_every_selected_master_file(client, files):
    manager = make_user("department_manager", is_staff=True, is_superuser=True)
    shown = approve_selected(client, manager, files)
    assert all(f.approved_by == manager for f in StyleMasterFile.objects.all())
    assert [level for level, _text in shown] == ["success", "success"]


def test_merchandiser_approves_none_and_is_told_why(client, files):
    clerk = make_user("merchandiser", is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_stylemasterfile", "change_stylemasterfile"])
    )
    shown = approve_selected(client, clerk, files)
    assert not StyleMasterFile.objects.filter(approved_by__isnull=False).exists()
    assert shown and all(level == "error" for level, _text in shown)
    assert "group head or a manager" in shown[0][1]
