"""Daily housekeeping (Celery beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from orders.services.submissions import submissions_purge


@shared_task
def purge_form_tokens() -> int:
    return submissions_purge()
