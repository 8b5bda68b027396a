"""The P/O import as the user drives it: upload, then confirm after reading the preview. Each
queues its pass (orders.importing.processing) as a Celery task once the transaction commits."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from orders.choices import ImportPhase, ImportStatus
from orders.importing.reader import too_large_message
from orders.importing.tasks import check_import, run_import
from orders.models import OrderImport
from orders.permissions import can_enter_orders_for, can_import_orders, can_see_import, team_id_of
from orders.services.common import ActionRefused, lock_row


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
    transaction.on_commit(partial(check_import.delay, job.pk))
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
        job.save()
    transaction.on_commit(partial(run_import.delay, job.pk))
    return job
