"""R34: the invoice request (開票申請單) — raised by the merchandiser, approved level by level as
the admin sets the levels, then finance issues the commercial invoice, never without it."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from orders.choices import Stage
from orders.roles import Role
from orders.services.common import ActionRefused
from shipping.choices import InvoiceRequestStatus
from shipping.models import InvoiceApprovalLevel, InvoiceRequest
from shipping.services import (
    commercial_invoice_issue,
    invoice_request_approve,
    invoice_request_raise,
    invoice_request_refuse,
)
from tests.factories import make_user
from tests.shipping.conftest import at_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipping_order(order):
    return at_stage(order, Stage.SHIPPING)


@pytest.fixture
def two_levels(db):
    """The admin's levels: the department manager, then the general manager."""
    InvoiceApprovalLevel.objects.all().delete()
    InvoiceApprovalLevel.objects.create(position=1, role=Role.DEPARTMENT_MANAGER)
    InvoiceApprovalLevel.objects.create(position=2, role=Role.GENERAL_MANAGER)


def issue(order, user, number="CI-34"):
    return commercial_invoice_issue(
        order_id=order.pk, user=user, number=number, issued_on=date.today()
    )


def test_r34_the_default_level_is_the_department_manager():
    assert list(InvoiceApprovalLevel.objects.values_list("role", flat=True)) == [
        Role.DEPARTMENT_MANAGER
    ]


def test_r34_invoice_cannot_be_issued_without_a_request(shipping_order, finance):
    with pytest.raises(ActionRefused, match="has not raised one"):
        issue(shipping_order, finance)
    assert not hasattr(type(shipping_order).objects.get(pk=shipping_order.pk), "commercial_invoice")


def test_r34_request_is_approved_level_by_level_then_finance_invoices(
    shipping_order, merchandiser, department_manager, general_manager, finance, two_levels
):
    request = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser, note="First lot")
    assert request.amount == Decimal("5500.00") and isinstance(request.amount, Decimal)
    assert request.approval_roles == [Role.DEPARTMENT_MANAGER, Role.GENERAL_MANAGER]

    with pytest.raises(ActionRefused, match=r"level 1 of 2 \(Department manager\)"):
        issue(shipping_order, finance)
    # The general manager cannot sign level 1's place.
    with pytest.raises(ActionRefused, match="Department manager"):
        invoice_request_approve(request_id=request.pk, user=general_manager)

    request = invoice_request_approve(request_id=request.pk, user=department_manager)
    assert request.status == InvoiceRequestStatus.REQUESTED
    with pytest.raises(ActionRefused, match=r"level 2 of 2 \(General manager\)"):
        issue(shipping_order, finance)
    with pytest.raises(ActionRefused):
        invoice_request_approve(request_id=request.pk, user=department_manager)

    request = invoice_request_approve(request_id=request.pk, user=general_manager)
    assert request.status == InvoiceRequestStatus.APPROVED
    assert [a.approved_by for a in request.approvals.all()] == [department_manager, general_manager]

    invoice = issue(shipping_order, finance)
    assert invoice.issued_by == finance
    request = InvoiceRequest.objects.get(pk=request.pk)
    assert request.status == InvoiceRequestStatus.INVOICED
    assert request.invoiced_by == finance
    actions = list(shipping_order.events.values_list("action", flat=True))
    assert "invoice_requested" in actions and "invoice_request_approved" in actions


def test_r34_only_finance_issues_the_invoice(shipping_order, merchandiser, department_manager):
    request = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    invoice_request_approve(request_id=request.pk, user=department_manager)
    with pytest.raises(ActionRefused, match="Only finance"):
        issue(shipping_order, merchandiser)
    with pytest.raises(ActionRefused, match="Only finance"):
        issue(shipping_order, department_manager)


def test_r34_only_the_merchandiser_raises_it(shipping_order, finance, department_manager):
    for user in (finance, department_manager):
        with pytest.raises(ActionRefused, match="merchandisers"):
            invoice_request_raise(order_id=shipping_order.pk, user=user)


def test_r34_the_one_who_raised_it_never_approves_it(shipping_order, team):
    both = make_user(Role.MERCHANDISER, Role.DEPARTMENT_MANAGER, team=team)
    request = invoice_request_raise(order_id=shipping_order.pk, user=both)
    with pytest.raises(ActionRefused, match="not the one who raised it"):
        invoice_request_approve(request_id=request.pk, user=both)


def test_r34_one_open_request_per_order(shipping_order, merchandiser):
    invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="already open"):
        invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)


def test_r34_a_refused_request_names_its_reason_and_a_new_one_may_follow(
    shipping_order, merchandiser, department_manager, finance
):
    request = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="reason"):
        invoice_request_refuse(request_id=request.pk, user=department_manager, reason=" ")
    with pytest.raises(ActionRefused):
        invoice_request_refuse(request_id=request.pk, user=finance, reason="No")
    invoice_request_refuse(request_id=request.pk, user=department_manager, reason="Wrong price")
    with pytest.raises(ActionRefused, match="Wrong price"):
        issue(shipping_order, finance)
    again = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    assert again.status == InvoiceRequestStatus.REQUESTED


def test_r34_levels_changed_later_do_not_alter_a_waiting_request(
    shipping_order, merchandiser, department_manager, finance, two_levels
):
    request = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    InvoiceApprovalLevel.objects.filter(position=2).delete()
    request = invoice_request_approve(request_id=request.pk, user=department_manager)
    assert request.status == InvoiceRequestStatus.REQUESTED  # still waits for the GM


def test_r34_refusal_is_translated(shipping_order, finance):
    from django.utils import translation

    with translation.override("zh-hant"), pytest.raises(ActionRefused) as refused:
        issue(shipping_order, finance)
    assert "R34" in str(refused.value.message)
    assert "merchandiser" not in str(refused.value.message)


def test_r34_order_page_raises_and_approves(
    client, shipping_order, merchandiser, department_manager
):
    client.force_login(merchandiser)
    page = client.get(shipping_order.get_absolute_url())
    assert "Raise an invoice request" in page.content.decode()
    client.post(reverse("shipping:invoice_request", args=[shipping_order.pk]), {"note": "Lot 1"})
    request = InvoiceRequest.objects.get(order=shipping_order)
    client.force_login(department_manager)
    page = client.get(reverse("shipping:invoice_requests"))
    assert shipping_order.po_number in page.content.decode()
    client.post(reverse("shipping:invoice_request_approve", args=[request.pk]), {"comment": ""})
    assert InvoiceRequest.objects.get(pk=request.pk).status == InvoiceRequestStatus.APPROVED


def test_r34_each_signature_reads_in_the_readers_language(
    shipping_order, merchandiser, department_manager, two_levels
):
    from django.utils import translation

    request = invoice_request_raise(order_id=shipping_order.pk, user=merchandiser)
    with translation.override("en"):  # signed in an English session
        invoice_request_approve(request_id=request.pk, user=department_manager, comment="OK 好")
    event = shipping_order.events.get(action="invoice_request_approved")
    with translation.override("en"):
        assert event.text == "Level 1 of 2: Department manager OK 好"
    with translation.override("zh-hant"):
        assert "Department manager" not in event.text
        assert translation.gettext("Department manager") in event.text
        assert event.text.endswith("OK 好")
