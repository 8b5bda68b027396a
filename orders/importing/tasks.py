"""Thin tasks: load by id and call the service, so a retry or a redelivery runs the same code."""

from celery import shared_task

from orders.importing import processing, services


@shared_task
def check_import(import_id: int) -> None:
    processing.import_check(import_id=import_id)


@shared_task
def run_import(import_id: int) -> None:
    processing.import_write(import_id=import_id)


@shared_task(ignore_result=True)
def import_sweep() -> int:
    return services.import_sweep()
