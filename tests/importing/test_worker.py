"""The check and the write run as Celery tasks: eagerly in plain `pytest`, through the broker to
a real worker process in .ci/run's second pass (GENDAN_CELERY_WORKER=1). The test reads the job's
row as the page's progress poll does, until the task is done."""

import time

import pytest

from orders.choices import ImportStatus
from orders.importing.services import import_confirm, import_upload
from orders.models import Order, OrderImport
from tests.importing.sheets import upload, wide_rows, xlsx

pytestmark = pytest.mark.worker
WAIT_SECONDS = 60


def settled(job_id: int) -> OrderImport:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job = OrderImport.objects.get(pk=job_id)
        if not job.running:
            return job
        time.sleep(0.2)
    pytest.fail(f"the import task did not finish: {OrderImport.objects.get(pk=job_id).status}")


def test_check_and_write_run_as_tasks(merchandiser, customer, factory):
    job = import_upload(
        user=merchandiser,
        upload=upload(xlsx(wide_rows())),
        customer=customer,
        merchandiser=merchandiser,
        default_factory=factory,
        currency="USD",
        date_order="dmy",
        language="zh-hant",
    )
    job = settled(job.pk)
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert job.progress_done == job.progress_total == 3
    import_confirm(import_id=job.pk, user=merchandiser)
    job = settled(job.pk)
    assert job.status == ImportStatus.IMPORTED
    assert set(Order.objects.values_list("po_number", flat=True)) == {"PO-1", "PO-2"}
