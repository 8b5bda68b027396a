"""The hourly sweep that sends each chosen order's weekly progress report to its customer."""

from celery import shared_task

from orders.planning.progress_report import send_due_progress_reports


@shared_task
def weekly_progress_reports() -> int:
    return send_due_progress_reports()
