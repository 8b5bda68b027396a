from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementStatus(models.TextChoices):
    """R31: drawn up → sent to the customer → confirmed, or disputed → resolved."""

    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent, waiting for the customer")
    CONFIRMED = "confirmed", _("Confirmed by the customer")
    DISPUTED = "disputed", _("Disputed by the customer")
    RESOLVED = "resolved", _("Differences resolved")


STATEMENT_STATUS_COLOURS = {
    StatementStatus.DRAFT: "grey",
    StatementStatus.SENT: "yellow",
    StatementStatus.CONFIRMED: "green",
    StatementStatus.DISPUTED: "red",
    StatementStatus.RESOLVED: "blue",
}
# The customer agrees with the figures: a confirmed statement, or one whose differences finance
# resolved with the customer.
AGREED = (StatementStatus.CONFIRMED, StatementStatus.RESOLVED)


class LineKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    PAYMENT = "payment", _("Payment received")
    CLAIM = "claim", _("Claim")
    DEDUCTION = "deduction", _("Deduction")
    CREDIT_NOTE = "credit", _("Credit note")


class StatementEvent(models.TextChoices):
    """What happens to a statement, on its own history (it belongs to no single order)."""

    GENERATED = "statement_generated", _("Statement drawn up (R31)")
    REFRESHED = "statement_refreshed", _("Statement drawn up again from the settlement (R31)")
    SENT = "statement_sent", _("Statement sent to the customer (R31)")
    PDF_SENT = "statement_pdf_sent", _("Statement PDF e-mailed (R31)")
    CONFIRMED = "statement_confirmed", _("Statement confirmed by the customer (R31)")
    CONFIRMED_ON_PAPER = (
        "statement_paper",
        _("Statement confirmed by the customer on paper, filed by finance (R31)"),
    )
    DISPUTED = "statement_disputed", _("Statement disputed by the customer (R31)")
    DISPUTED_ON_PAPER = (
        "statement_paper_dispute",
        _("Statement disputed by the customer on paper, filed by finance (R31)"),
    )
    RESOLVED = "statement_resolved", _("Statement differences resolved (R31)")
    CORRECTION_POSTED = (
        "statement_correction",
        _("Credit note posted for the next statement (R31)"),
    )


class Answer(models.TextChoices):
    CONFIRM = "confirm", _("The statement is correct")
    DISPUTE = "dispute", _("We dispute the lines ticked below")


class InvoiceRunStatus(models.TextChoices):
    """R31: the invoices of a cut-off drawn up → sent to the customer → receipt confirmed."""

    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent, waiting for the customer's receipt")
    RECEIVED = "received", _("Receipt confirmed")


INVOICE_RUN_STATUS_COLOURS = {
    InvoiceRunStatus.DRAFT: "grey",
    InvoiceRunStatus.SENT: "yellow",
    InvoiceRunStatus.RECEIVED: "green",
}


class InvoiceRunEvent(models.TextChoices):
    GENERATED = "run_generated", _("Invoice run drawn up (R31)")
    REFRESHED = "run_refreshed", _("Invoice run drawn up again (R31)")
    SENT = "run_sent", _("Invoices sent to the customer (R31)")
    PDF_SENT = "run_pdf_sent", _("Invoice list e-mailed (R31)")
    RECEIVED = "run_received", _("Receipt confirmed by the customer (R31)")
    RECEIVED_RECORDED = (
        "run_receipt_recorded",
        _("Receipt confirmed by the customer, recorded by finance (R31)"),
    )
