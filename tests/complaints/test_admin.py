"""Managers approve complaint reports and returns in the admin too, through the same services."""

import pytest
from django.urls import reverse

from complaints.choices import ComplaintStatus, ReturnCause, ReturnStatus
from tests.complaints.builders import apply_return, file_complaint

pytestmark = pytest.mark.django_db


def test_manager_approves_a_complaint_report_in_the_admin(client, order, department_manager):
    complaint = file_complaint(order)
    client.force_login(department_manager)
    client.post(
        reverse("admin:complaints_complaint_changelist"),
        {"action": "approve_report", "_selected_action": [complaint.pk]},
    )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.AWAITING_ANALYSIS
    assert order.events.filter(action="complaint_approved", actor=department_manager).exists()


def test_admin_approval_keeps_r17(client, order, department_manager):
    company = apply_return(order, cause=ReturnCause.COMPANY)
    customer = apply_return(order, cause=ReturnCause.CUSTOMER)
    client.force_login(department_manager)
    client.post(
        reverse("admin:complaints_returnapplication_changelist"),
        {"action": "approve_return", "_selected_action": [company.pk, customer.pk]},
    )
    company.refresh_from_db()
    customer.refresh_from_db()
    assert company.status == ReturnStatus.APPROVED
    assert customer.status == ReturnStatus.AWAITING_APPROVAL
