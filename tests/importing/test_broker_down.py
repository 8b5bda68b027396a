"""The broker is down when a file is uploaded or its preview confirmed: the page answers, the job
is kept waiting, and the sweep (beat, every minute) runs it through once the broker is back,
checking and writing it once however often it was queued."""

from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from django.utils import timezone
from kombu.exceptions import OperationalError

from orders.choices import ImportStatus
from orders.importing import processing
from orders.importing.services import import_sweep
from orders.importing.tasks import check_import, run_import
from orders.models import Order, OrderImport
from tests.importing.sheets import upload, wide_rows, xlsx


@contextmanager
def broker_down():
    """Publishing fails as kombu fails with Redis gone."""
    refused = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        patch.object(check_import, "apply_async", side_effect=refused),
        patch.object(run_import, "apply_async", side_effect=refused),
    ):
        yield


def minutes_later(job: OrderImport) -> None:
    """The sweep's delay passes (GENDAN_IMPORT_REQUEUE_SECONDS)."""
    OrderImport.objects.filter(pk=job.pk).update(queued_at=timezone.now() - timedelta(minutes=10))


def test_upload_and_confirm_with_the_broker_down_wait_for_the_sweep(
    merchandiser, client, customer, factory, django_capture_on_commit_callbacks
):
    client.force_login(merchandiser)
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
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
    assert response.status_code == 200
    job = OrderImport.objects.get()
    assert job.status == ImportStatus.UPLOADED
    page = response.content.decode()
    assert "Waiting to be checked" in page
    assert "the file will be checked as soon as the worker is reachable" in page

    with broker_down():
        assert import_sweep() == 0  # too early, and the broker is still down
        minutes_later(job)
        assert import_sweep() == 0
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.UPLOADED

    minutes_later(job)
    assert import_sweep() == 1  # the broker is back: checked
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.READY and job.queued_at is None
    assert import_sweep() == 0

    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/orders/import/{job.pk}/confirm/", follow=True)
    assert response.status_code == 200
    assert "the orders will be written as soon as the worker is reachable" in (
        response.content.decode()
    )
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.IMPORTING
    assert Order.objects.count() == 0

    minutes_later(job)
    assert import_sweep() == 1
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.IMPORTED
    assert Order.objects.count() == 2
    assert import_sweep() == 0


def test_a_write_queued_twice_writes_its_orders_once(
    merchandiser, run_import, django_capture_on_commit_callbacks
):
    from orders.importing.services import import_confirm

    job = run_import(merchandiser, xlsx(wide_rows()))
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        import_confirm(import_id=job.pk, user=merchandiser)
    # The confirm's task reached a worker after all, and the sweep's copy arrives while the first
    # is reading the file.
    process = processing._process
    second = []

    def second_task_meanwhile(job, *, write):
        if not second:
            second.append(processing.import_write(import_id=job.pk))
        return process(job, write=write)

    with patch.object(processing, "_process", second_task_meanwhile):
        processing.import_write(import_id=job.pk)
    assert second[0].status == ImportStatus.IMPORTING  # it found the job taken, and left it
    minutes_later(job)
    assert import_sweep() == 0
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.IMPORTED
    assert Order.objects.count() == 2


def test_a_check_queued_twice_checks_once(merchandiser, run_import, customer, factory):
    with broker_down():
        job = run_import(merchandiser, xlsx(wide_rows()))
    assert job.status == ImportStatus.UPLOADED
    processing.import_check(import_id=job.pk)
    checked_at = OrderImport.objects.get(pk=job.pk).checked_at
    assert processing.import_check(import_id=job.pk) is None
    job = OrderImport.objects.get(pk=job.pk)
    assert job.status == ImportStatus.READY and job.checked_at == checked_at
