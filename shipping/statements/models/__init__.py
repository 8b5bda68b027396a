"""R31's models: the monthly statement, and the invoice runs sent three times a month."""

from shipping.statements.models.invoice_runs import (
    INVOICE_RUN_FORM,
    InvoiceRun,
    InvoiceRunLine,
    InvoiceRunRecord,
    InvoicingPolicy,
)
from shipping.statements.models.statement import (
    STATEMENT_FORM,
    Statement,
    StatementBalance,
    StatementLine,
    StatementRecord,
)

__all__ = [
    "INVOICE_RUN_FORM",
    "STATEMENT_FORM",
    "InvoiceRun",
    "InvoiceRunLine",
    "InvoiceRunRecord",
    "InvoicingPolicy",
    "Statement",
    "StatementBalance",
    "StatementLine",
    "StatementRecord",
]
