"""A double-click on a create action records it once (a payment's is in tests/shipping): each
form is taken from the page the user sees, posted twice with its one-time token; the second
press is told the form was already recorded."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from complaints.choices import ComplaintKind, ReturnCause
from complaints.models import Complaint, ReturnApplication
from orders.choices import Stage
from orders.models import ChangeRequest, DateChangeRequest, SentDocument, WorkMemo
from orders.quotations.models import Quotation
from orders.roles import Role
from orders.services.planning import plan_build
from shipping.models import InspectionBooking
from tests.factories import make_order
from tests.html_forms import submit_twice
from tests.qa.conftest import in_stage

pytestmark = pytest.mark.django_db


def told_already(response) -> bool:
    return any("already submitted" in str(m) for m in get_messages(response.wsgi_request))


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


def test_booking_an_inspection_twice_books_one(client, order, qc):
    order = in_stage(order, Stage.IN_PRODUCTION)
    client.force_login(qc)
    planned = (date.today() + timedelta(days=20)).isoformat()
    url = reverse("shipping:book", args=[order.pk])

    _first, second = submit_twice(
        client, order.get_absolute_url(), url, {"planned_date": planned, "lot_size": "300"}
    )

    assert InspectionBooking.objects.filter(order=order).count() == 1
    assert told_already(second)


def test_filing_a_complaint_twice_files_one(client, order, merchandiser):
    order = in_stage(order, Stage.SHIPPING)
    client.force_login(merchandiser)
    url = reverse("complaints:create", args=[order.pk])
    fill = {
        "kind": ComplaintKind.QUALITY,
        "received_on": date.today().isoformat(),
        "description": "Seams open",
        "quantity_affected": "12",
    }

    first, second = submit_twice(client, url, url, fill)

    assert Complaint.objects.filter(order=order).count() == 1
    assert second.status_code == 302 and second["Location"] == order.get_absolute_url()
    assert told_already(second)


def test_filing_a_return_twice_files_one(client, order, merchandiser):
    order = in_stage(order, Stage.SHIPPING)
    client.force_login(merchandiser)
    url = reverse("complaints:return_create", args=[order.pk])
    fill = {
        "applied_on": date.today().isoformat(),
        "reasons": "Seams open",
        "cause": ReturnCause.COMPANY,
        "lines-0-size": "M",
        "lines-0-quantity": "5",
    }

    _first, second = submit_twice(client, url, url, fill)

    assert ReturnApplication.objects.filter(order=order).count() == 1
    assert told_already(second)


def test_raising_a_date_change_request_twice_raises_one(client, order, merchandiser):
    plan_build(order=order, user=merchandiser)
    client.force_login(merchandiser)
    url = reverse("orders:date_change", args=[order.pk])
    fill = {
        "requested_by": "factory",
        "proposed_date": (order.ex_factory_date + timedelta(days=7)).isoformat(),
        "reason": "Dye house backlog",
        "responsible": "factory",
    }

    _first, second = submit_twice(client, order.get_absolute_url(), url, fill)

    assert DateChangeRequest.objects.filter(order=order).count() == 1
    assert told_already(second)


def test_sending_a_document_twice_makes_one_version(client, order, merchandiser):
    order = in_stage(order, Stage.APPROVED)  # the production order goes out once approved
    client.force_login(merchandiser)
    url = reverse("documents:send", args=["F-ORD-001", order.pk])
    _first, second = submit_twice(client, order.get_absolute_url(), url, {})

    assert list(SentDocument.objects.filter(order=order).values_list("version", flat=True)) == [1]
    assert told_already(second)


def test_raising_a_change_request_twice_raises_one(client, order, merchandiser):
    order = in_stage(order, Stage.APPROVED)  # R8: changes are raised once the contract is approved
    client.force_login(merchandiser)
    url = reverse("orders:change_raise", args=[order.pk])
    fill = {"requested_by": "factory", "f_packing": "12 pcs per carton"}

    first, second = submit_twice(client, url, url, fill)

    change = ChangeRequest.objects.get(order=order)
    assert first["Location"] == change.get_absolute_url()
    assert order.events.filter(action="change_raised").count() == 1
    assert second.status_code == 302 and second["Location"] == order.get_absolute_url()
    assert told_already(second)


def test_sending_a_work_memo_twice_sends_one(client, order, merchandiser):
    order = in_stage(order, Stage.APPROVED)
    client.force_login(merchandiser)
    url = reverse("orders:memo_send", args=[order.pk])
    fill = {
        "subject": "Booking moved",
        "body": "Vessel changes to 12 Dec.",
        "addressed_to": Role.QC,
    }

    _first, second = submit_twice(client, order.get_absolute_url(), url, fill)

    assert WorkMemo.objects.filter(order=order).count() == 1
    assert told_already(second)


def test_drafting_a_quotation_twice_drafts_one(client, order, merchandiser):
    client.force_login(merchandiser)
    url = reverse("quotations:create")
    fill = {
        "customer": order.customer_id,
        "style_no": "ST-900",
        "description": "Ladies' knit top",
        "exchange_rate": "7.1",
        "target_margin_percent": "15",
        "valid_until": (date.today() + timedelta(days=20)).isoformat(),
    }

    _first, second = submit_twice(client, url, url, fill)

    assert Quotation.objects.filter(customer=order.customer).count() == 1
    assert told_already(second)
