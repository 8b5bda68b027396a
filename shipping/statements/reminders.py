"""R31 in the daily reminders: a statement waits on finance until it is resolved — a draft to
check and send, a sent one the customer has not answered, a disputed one to settle at once."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.reminders.registry import ReminderItem
from orders.roles import Role
from shipping.statements.choices import StatementStatus
from shipping.statements.models import Statement

SOURCE = "r31_statements"


def answer_days() -> int:
    """Days the customer has to confirm or dispute a sent statement before finance chases."""
    return int(getattr(settings, "GENDAN_STATEMENT_ANSWER_DAYS", 7))


def _finance_ids() -> list[int]:
    return list(
        get_user_model()
        .objects.filter(groups__name=Role.FINANCE, is_active=True)
        .values_list("pk", flat=True)
    )


def _due(statement: Statement) -> tuple[date, object]:
    if statement.status == StatementStatus.DRAFT:
        return timezone.localdate(statement.generated_at), _("Check and send statement {label}")
    if statement.status == StatementStatus.SENT:
        sent = timezone.localdate(statement.sent_at)
        return sent + timedelta(days=answer_days()), _(
            "Statement {label}: the customer has not confirmed it yet, please chase"
        )
    answered = timezone.localdate(statement.answered_at)
    return answered, _("Statement {label} disputed: resolve the differences at once")


def r31_statement_items(today: date) -> list[ReminderItem]:
    open_statements = Statement.objects.filter(
        status__in=[StatementStatus.DRAFT, StatementStatus.SENT, StatementStatus.DISPUTED]
    ).select_related("customer")
    finance = None
    items = []
    for statement in open_statements:
        due, title = _due(statement)
        if statement.status == StatementStatus.SENT and due > today:
            continue
        owner = statement.sent_by_id
        if owner is None:
            finance = _finance_ids() if finance is None else finance
        for user_id in [owner] if owner else finance:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=0,
                    order_label=f"{statement.label} {statement.customer.name}",
                    title=format_lazy(title, label=statement.label),
                    due=due,
                    source=SOURCE,
                    overdue_days=max((today - due).days, 0),
                    path=statement.get_absolute_url(),
                )
            )
    return items


RUNS_SOURCE = "r31_invoice_runs"


def r31_invoice_run_items(today: date) -> list[ReminderItem]:
    """A drawn-up run waits on finance to send it; a sent one whose receipt the customer has
    not confirmed within the schedule's days is chased until it is."""
    from shipping.statements.choices import InvoiceRunStatus
    from shipping.statements.models import InvoiceRun, InvoicingPolicy

    days = InvoicingPolicy.current().receipt_days
    runs = InvoiceRun.objects.filter(
        status__in=[InvoiceRunStatus.DRAFT, InvoiceRunStatus.SENT]
    ).select_related("customer")
    finance = None
    items = []
    for run in runs:
        if run.status == InvoiceRunStatus.DRAFT:
            due, title = timezone.localdate(run.generated_at), _("Check and send invoices {label}")
        else:
            due = timezone.localdate(run.sent_at) + timedelta(days=days)
            title = _(
                "Invoices {label}: the customer has not confirmed their receipt, please chase"
            )
            if due > today:
                continue
        if run.sent_by_id is None and finance is None:
            finance = _finance_ids()
        for user_id in [run.sent_by_id] if run.sent_by_id else finance:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=0,
                    order_label=f"{run.label} {run.customer.name}",
                    title=format_lazy(title, label=run.label),
                    due=due,
                    source=RUNS_SOURCE,
                    overdue_days=max((today - due).days, 0),
                    path=run.get_absolute_url(),
                )
            )
    return items
