"""The daily planning pass (Celery beat, see CELERY_BEAT_SCHEDULE): project every open plan
again, then queue each person's digest. It runs every hour: the first run of the day queues
them, the later ones find every digest written, and a run after the worker was down catches up.
The outbox sends and retries the mails."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from orders.reminders.digests import send_digests
from orders.services.reprojection import reproject_all


@shared_task
def daily_reminders(today: str | None = None) -> int:
    day = date.fromisoformat(today) if today else timezone.localdate()
    reproject_all(today=day)
    return send_digests(today=day)
