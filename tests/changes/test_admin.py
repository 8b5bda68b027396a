"""Approvers act from a change request's admin page as on the site (R8, R10): Approve and Reject
buttons for whoever gives the signature it waits for, the same service and the same refusals."""

import pytest
from django.urls import reverse

from orders.changes.choices import ChangeStatus
from orders.choices import Decision
from orders.models import ChangeRequest
from tests.changes.conftest import raise_change, walk_to_confirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def change(order, merchandiser):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    return walk_to_confirmed(change, merchandiser)


def admin_url(change, view: str) -> str:
    return reverse(f"admin:orders_changerequest_{view}", args=[change.pk])


def reload(change) -> ChangeRequest:
    return ChangeRequest.objects.get(pk=change.pk)


def test_r10_the_next_signer_sees_approve_and_reject_on_the_admin_page(
    client, change, department_manager, clerk
):
    client.force_login(department_manager)
    page = client.get(admin_url(change, "change")).content.decode()
    assert admin_url(change, "approve") in page and admin_url(change, "reject") in page
    client.force_login(clerk)  # administration signs after the department manager
    page = client.get(admin_url(change, "change")).content.decode()
    assert admin_url(change, "approve") not in page


def test_r10_approvers_sign_in_turn_from_the_admin_page(client, change, department_manager, clerk):
    client.force_login(department_manager)
    asked = client.get(admin_url(change, "approve"))
    assert asked.status_code == 200 and "Navy: 300 → 350" in asked.content.decode()
    client.post(admin_url(change, "approve"), {"comment": "OK"})
    change = reload(change)
    assert change.status == ChangeStatus.CUSTOMER_CONFIRMED
    (signature,) = change.approvals.all()
    assert signature.user == department_manager and signature.decision == Decision.APPROVED
    client.force_login(clerk)
    client.post(admin_url(change, "approve"), {"comment": ""})
    assert reload(change).status == ChangeStatus.APPROVED


def test_r10_the_wrong_role_is_refused_and_nothing_is_signed(client, change, clerk):
    client.force_login(clerk)
    response = client.post(admin_url(change, "approve"), {"comment": ""}, follow=True)
    assert "You cannot give that signature" in response.content.decode()
    assert not reload(change).approvals.exists()


def test_r8_a_rejection_from_the_admin_page_needs_its_reason(client, change, department_manager):
    client.force_login(department_manager)
    asked = client.post(admin_url(change, "reject"), {"comment": ""})
    assert asked.status_code == 200 and reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED
    client.post(admin_url(change, "reject"), {"comment": "Price not agreed"})
    refused = reload(change)
    assert refused.status == ChangeStatus.REFUSED and refused.closed_reason == "Price not agreed"
