"""The Celery task that e-mails a sent document; imported by orders.documents.setup."""

import logging

from celery import shared_task
from django.conf import settings

from orders.documents import delivery

log = logging.getLogger(__name__)

MAX_RETRIES = 7  # with the default 30 s doubling: about an hour of SMTP trouble in all


def retry_delay(retries: int) -> int:
    return getattr(settings, "GENDAN_TASK_RETRY_DELAY", 30) * 2**retries


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def send_document(self, document_id: int) -> str:
    if not delivery.claim(document_id):
        if delivery.is_done(document_id) or self.request.is_eager:
            return "skipped"
        # Another worker holds the claim (or died holding it): look again once it may be stale.
        raise self.retry(countdown=delivery.CLAIM_TIMEOUT.total_seconds())
    try:
        delivery.deliver(document_id)
    except OSError as exc:  # smtplib.SMTPException is an OSError
        final = self.request.retries >= self.max_retries
        delivery.release(document_id, error=exc, final=final)
        log.warning("sending document %s failed (final=%s): %s", document_id, final, exc)
        if final:
            return "failed"
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc
    except Exception as exc:
        delivery.release(document_id, error=exc, final=True)
        raise
    return "sent"
