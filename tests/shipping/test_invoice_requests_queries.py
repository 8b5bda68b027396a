"""R34: the invoice requests page reads only the requests its viewer signs or invoices, not
every open one (at 100,000 orders ~2,300 were built and sorted out one by one)."""

import pytest
from django.db.models.signals import post_init
from django.urls import reverse

from orders.choices import Stage
from shipping.choices import InvoiceRequestStatus
from shipping.models import InvoiceRequest
from shipping.services import invoice_request_raise
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def raise_requests(merchandiser, count: int) -> list:
    requests = []
    for _number in range(count):
        order = make_order(merchandiser=merchandiser, stage=Stage.SHIPPING)
        requests.append(invoice_request_raise(order_id=order.pk, user=merchandiser))
    return requests


def requests_built(client, url: str) -> tuple[int, str]:
    """How many invoice requests one GET reads from the database, and the page."""
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=InvoiceRequest)
    try:
        response = client.get(url)
    finally:
        post_init.disconnect(count, sender=InvoiceRequest)
    assert response.status_code == 200
    return len(built), response.content.decode()


def test_r34_the_page_reads_only_what_its_viewer_acts_on(
    client, merchandiser, department_manager, finance
):
    waiting = raise_requests(merchandiser, 3)
    approved = raise_requests(merchandiser, 2)
    InvoiceRequest.objects.filter(pk__in=[r.pk for r in approved]).update(
        status=InvoiceRequestStatus.APPROVED
    )
    url = reverse("shipping:invoice_requests")
    # The department manager signs the three waiting; finance invoices the two approved.
    client.force_login(department_manager)
    read, page = requests_built(client, url)
    assert read == 3
    assert all(request.order.po_number in page for request in waiting)
    assert not any(request.order.po_number in page for request in approved)
    client.force_login(finance)
    read, page = requests_built(client, url)
    assert read == 2
    assert all(request.order.po_number in page for request in approved)
    assert not any(request.order.po_number in page for request in waiting)
