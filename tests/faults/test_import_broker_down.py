"""The broker is down when a P/O file is uploaded and when its preview is confirmed: both pages
answer, the job waits, and the import sweep runs it through once the broker is back, writing its
orders once although the sweep queues it again on every pass until a worker takes it.

Runs in both passes: eagerly (`make test`) and with the real worker of `make test-stack`."""

import pytest

from orders.choices import ImportStatus
from orders.importing.services import import_sweep
from orders.models import Order, OrderImport
from tests.factories import make_customer, make_factory
from tests.faults.conftest import broker_unreachable, sweep_until
from tests.faults.figures import report
from tests.importing.sheets import upload, wide_rows, xlsx

pytestmark = pytest.mark.worker


def _status(job: OrderImport) -> str:
    return OrderImport.objects.get(pk=job.pk).status


def test_import_with_the_broker_down_is_checked_and_written_once_it_is_back(
    client, merchandiser, settings
):
    settings.GENDAN_IMPORT_REQUEUE_SECONDS = 0  # every sweep queues what no worker took yet
    customer, factory = make_customer(name="Bluewater Apparel"), make_factory(name="Knit Co")
    client.force_login(merchandiser)
    with broker_unreachable():
        page = client.post(
            "/orders/import/",
            {
                "file": upload(xlsx(wide_rows())),
                "customer": customer.pk,
                "default_factory": factory.pk,
                "currency": "USD",
                "date_order": "dmy",
                "merchandiser": merchandiser.pk,
            },
            follow=True,
        )
    assert page.status_code == 200
    job = OrderImport.objects.get()
    assert job.status == ImportStatus.UPLOADED
    assert "checked as soon as the worker is reachable" in page.content.decode()

    checked = sweep_until(
        lambda: _status(job) == ImportStatus.READY, timeout=60, sweep=import_sweep
    )

    with broker_unreachable():
        page = client.post(f"/orders/import/{job.pk}/confirm/", follow=True)
    assert page.status_code == 200
    assert _status(job) == ImportStatus.IMPORTING

    written = sweep_until(
        lambda: _status(job) == ImportStatus.IMPORTED, timeout=60, sweep=import_sweep
    )
    assert import_sweep() == 0
    orders = Order.objects.count()
    report(
        "broker down during an import's upload and confirm (orders written)",
        delivered=min(orders, 2),
        expected=2,
        duplicated=max(orders - 2, 0),
        seconds=checked + written,
    )
    assert Order.objects.count() == 2
