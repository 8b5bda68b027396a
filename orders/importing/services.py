"""The P/O import as the user drives it: upload, then confirm after reading the preview. Each
queues its pass (orders.importing.processing) as a Celery task once the transaction commits."""

import logging
from datetime import timedelta
from functools import partial

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError

from orders.choices import ImportPhase, ImportStatus
from orders.importing.reader import too_large_message
from orders.models import OrderImport
from orders.permissions import can_enter_orders_for, can_import_orders, can_see_import, team_id_of
from orders.services.common import ActionRefused, lock_row

log = logging.getLogger(__name__)

# The worker's tasks (orders/importing/tasks.py), found by their registered names: the sweep's
# task runs this module, so importing them here would close a circle (as orders.outbox does).
CHECK_TASK = "orders.importing.tasks.check_import"
WRITE_TASK = "orders.importing.tasks.run_import"


def import_upload(
    *,
    user,
    upload,
    customer,
    merchandiser,
    default_factory=None,
    currency: str,
    date_order: str,
    language: str,
) -> OrderImport:
    """Store the file and queue its check. A file over the size limit is refused unread."""
    if not can_import_orders(user):
        raise ActionRefused(_("Only merchandisers and managers import orders."))
    if not can_enter_orders_for(user, merchandiser):
        raise ActionRefused(_("You may enter orders only for your own team."))
    if upload.size > settings.GENDAN_IMPORT_MAX_MB * 1024 * 1024:
        raise ActionRefused(too_large_message())
    team_id = team_id_of(merchandiser)
    if team_id is None:
        raise ActionRefused(_("The merchandiser belongs to no team; ask a manager to add one."))
    job = OrderImport.objects.create(
        file=upload,
        filename=upload.name[:255],
        customer=customer,
        default_factory=default_factory,
        currency=currency,
        date_order=date_order,
        merchandiser=merchandiser,
        team_id=team_id,
        created_by=user,
        language=language,
    )
    transaction.on_commit(partial(enqueue, CHECK_TASK, job.pk))
    return job


def import_confirm(*, import_id: int, user) -> OrderImport:
    """The user read the preview and imports: claimed once, so a double click queues one write."""
    with transaction.atomic():
        job = lock_row(OrderImport, pk=import_id)
        if not can_see_import(job, user) or not can_import_orders(user):
            raise ActionRefused(_("You may not import this file."))
        if job.status != ImportStatus.READY:
            raise ActionRefused(_("This file is not waiting for confirmation."))
        job.confirm()
        job.confirmed_by = user
        job.phase, job.progress_done = ImportPhase.READING, 0
        job.queued_at = timezone.now()
        job.save()
    transaction.on_commit(partial(enqueue, WRITE_TASK, job.pk))
    return job


def enqueue(task_name: str, import_id: int) -> bool:
    """Hand the job's task to the broker. A broker that is down is logged, never raised (as the
    outbox's dispatch): the job keeps its queued_at and import_sweep queues it again."""
    task = current_app.tasks[task_name]
    if task.app.conf.task_always_eager:  # runs here and now: its own errors are the test's
        try:
            task.apply_async((import_id,))
        except BrokerError as exc:
            log.warning("import %s not queued, the sweep will retry: %r", import_id, exc)
            return False
        return True
    try:
        task.apply_async((import_id,))
    except Exception as exc:  # kombu's OperationalError, a closed pool, a redis error...
        log.warning("import %s not queued, the sweep will retry: %r", import_id, exc)
        return False
    return True


def import_sweep(*, limit: int = 100) -> int:
    """Queue again every job whose check (uploaded) or write (confirmed) was queued more than
    GENDAN_IMPORT_REQUEUE_SECONDS ago and never taken by a worker. The tasks claim their job, so
    one queued twice is still checked or written once. Stops at the first broker error."""
    cutoff = timezone.now() - timedelta(seconds=settings.GENDAN_IMPORT_REQUEUE_SECONDS)
    tasks = {ImportStatus.UPLOADED: CHECK_TASK, ImportStatus.IMPORTING: WRITE_TASK}
    waiting = (
        OrderImport.objects.filter(status__in=list(tasks), queued_at__lte=cutoff)
        .order_by("queued_at", "pk")
        .values_list("pk", "status")[:limit]
    )
    queued = 0
    for import_id, status in list(waiting):
        # Marked first, so that a check run eagerly is not overwritten afterwards.
        OrderImport.objects.filter(pk=import_id, status=status, queued_at__lte=cutoff).update(
            queued_at=timezone.now()
        )
        if not enqueue(tasks[status], import_id):
            break
        queued += 1
    return queued
