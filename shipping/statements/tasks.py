"""R31 on the one beat schedule (CELERY_BEAT_SCHEDULE): every hour the pass draws up last
month's statement of each monthly-settlement customer that has something to state. A month has
one statement per customer (a unique constraint), so the later runs find them drawn up and a
run after the worker was down catches up."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from orders.choices import Settlement
from orders.models import Customer
from shipping.statements import ledger
from shipping.statements.models import Statement
from shipping.statements.services import statement_generate


def monthly_statements_for(today: date) -> int:
    period = ledger.previous_month(today)
    done = Statement.objects.filter(period=period).values_list("customer_id", flat=True)
    drawn = 0
    for customer in Customer.objects.filter(settlement=Settlement.MONTHLY).exclude(pk__in=done):
        if ledger.has_activity(ledger.figures(customer, period)):
            statement_generate(customer=customer, period=period)
            drawn += 1
    return drawn


@shared_task
def monthly_statements(today: str | None = None) -> int:
    day = date.fromisoformat(today) if today else timezone.localdate()
    return monthly_statements_for(day)


@shared_task
def invoice_runs(today: str | None = None) -> int:
    """R31: the invoices of the last cut-off, drawn up per customer (hourly, once per run)."""
    from shipping.statements.invoice_runs import invoice_runs_for

    day = date.fromisoformat(today) if today else timezone.localdate()
    return invoice_runs_for(day)
