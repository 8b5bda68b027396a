"""What the statements app plugs in: its form, its reminders, R20's monthly condition, its
signed paper copies (served to who sees the statements)."""

from orders.credit.rules import register_statement_check
from orders.files import register_protected_file
from orders.reminders.registry import register_reminder_source
from shipping.statements.forms_registry import register_forms
from shipping.statements.models import InvoiceRun, Statement
from shipping.statements.permissions import can_see_statements
from shipping.statements.reminders import (
    RUNS_SOURCE,
    SOURCE,
    r31_invoice_run_items,
    r31_statement_items,
)
from shipping.statements.rules import r20_last_month_cleared


def register() -> None:
    register_forms()
    register_reminder_source(code=SOURCE, collect=r31_statement_items)
    register_reminder_source(code=RUNS_SOURCE, collect=r31_invoice_run_items)
    register_statement_check(r20_last_month_cleared)
    register_protected_file(
        Statement, "paper_confirmation", may_see=lambda user, _s: can_see_statements(user)
    )
    register_protected_file(
        InvoiceRun, "receipt_scan", may_see=lambda user, _r: can_see_statements(user)
    )
