"""The quotations' background pass (Celery beat, see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from orders.quotations.services import quotations_expire_due


@shared_task
def expire_quotations() -> int:
    """Approved or sent quotations past their validity date become expired."""
    return quotations_expire_due()
