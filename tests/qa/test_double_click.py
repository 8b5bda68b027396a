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
from orders.models import DateChangeRequest, SentDocument
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
