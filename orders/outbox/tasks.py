"""The outbox's Celery tasks: send one row; the sweep (beat, every minute)."""

from celery import shared_task

from orders.outbox import delivery, services


@shared_task(name=services.DELIVER_TASK, acks_late=True, ignore_result=True)
def deliver_outbox(row_id: int) -> str:
    return delivery.deliver(row_id)


@shared_task(ignore_result=True)
def outbox_sweep() -> int:
    return services.outbox_sweep()
