"""The daily planning pass (Celery beat, see CELERY_BEAT_SCHEDULE): project every open plan
again, then send each person's digest. It runs every hour: the first run of the day sends, the
later ones find every digest claimed, and a run after the worker was down catches up."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from orders.reminders.digests import send_digests
from orders.services.planning import reproject_all

MAIL_MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAIL_MAX_RETRIES)
def daily_reminders(self, today: str | None = None) -> int:
    day = date.fromisoformat(today) if today else timezone.localdate()
    reproject_all(today=day)
    try:
        return send_digests(today=day)
    except OSError as exc:
        from django.conf import settings

        delay = settings.GENDAN_TASK_RETRY_DELAY * 2**self.request.retries
        raise self.retry(exc=exc, countdown=delay) from exc
