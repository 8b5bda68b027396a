"""Sending one outbox row: claim it with a short lease, build its e-mail, send, record.

A worker owns a row only if its conditional UPDATE (the FSM transition saved with the state and
attempt number it read) touched it, so a redelivered task, the sweep or a second worker never
mails the same row twice; a worker killed mid-send leaves a lease that runs out within
GENDAN_OUTBOX_LEASE_SECONDS, and the next sweep hands the row on."""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition, can_proceed

from orders.models import OutboxMessage
from orders.outbox.registry import builder
from orders.outbox.services import dispatch

log = logging.getLogger(__name__)


def retry_delay(attempts: int) -> int:
    """Seconds before the next try: GENDAN_TASK_RETRY_DELAY doubling, at most an hour."""
    return min(settings.GENDAN_TASK_RETRY_DELAY * 2 ** max(attempts - 1, 0), 3600)


def _lease() -> timedelta:
    return timedelta(seconds=settings.GENDAN_OUTBOX_LEASE_SECONDS)


def claim(row_id: int) -> OutboxMessage | None:
    try:
        with transaction.atomic():
            row = OutboxMessage.objects.get(pk=row_id)
            if not can_proceed(row.claim):
                return None
            row.claim(lease=_lease())
            row.save()
    except (OutboxMessage.DoesNotExist, ConcurrentTransition):
        return None
    return row


def _record(row: OutboxMessage, step: Callable[..., None], **kwargs) -> bool:
    try:
        with transaction.atomic():
            step(**kwargs)
            row.save()
    except ConcurrentTransition:
        log.warning("outbox row %s was taken over after its lease ran out", row.pk)
        return False
    return True


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def deliver(row_id: int) -> str:
    row = claim(row_id)
    if row is None:
        return "skipped"
    return send_claimed(row)


def send_claimed(row: OutboxMessage) -> str:
    """Send a row this process claimed and record the outcome: sent, retried later (enqueued
    again after the back-off), or failed for good after GENDAN_OUTBOX_MAX_ATTEMPTS."""

    try:
        message = builder(row.kind)(row)
        if message is None:
            _record(row, row.give_up, error="What this e-mail was about no longer exists.")
            return "dropped"
        message.extra_headers["Message-ID"] = row.message_id
        if not _record(row, row.renew_lease, lease=_lease()):
            return "skipped"  # building it outlasted the lease: another worker sends it
        message.send(fail_silently=False)
    except OSError as exc:  # smtplib's errors, a refused connection
        if row.attempts >= settings.GENDAN_OUTBOX_MAX_ATTEMPTS:
            _record(row, row.give_up, error=_error(exc))
            log.warning("outbox row %s failed for good: %s", row.pk, exc)
            return "failed"
        delay = retry_delay(row.attempts)
        at = timezone.now() + timedelta(seconds=delay)
        if _record(row, row.retry_later, error=_error(exc), at=at):
            dispatch(row.pk, countdown=delay)
        return "retry"
    except Exception as exc:
        _record(row, row.give_up, error=_error(exc))
        raise
    _record(row, row.mark_sent)
    return "sent"
