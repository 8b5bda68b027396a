"""R31: the monthly customer statement (對帳單) — per customer and month, the invoices shipped,
the payments received, the claims and deductions, and the opening and closing balance per
currency, as shipping's settlement has them (shipping/statements/ledger.py)."""

from datetime import date
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.choices import Currency
from orders.lifecycle import Lifecycle
from orders.models.fields import StatusBadge, user_fk
from orders.money import Money
from orders.uploads import UploadValidator
from shipping.statements import permissions
from shipping.statements.choices import (
    STATEMENT_STATUS_COLOURS,
    LineKind,
    StatementEvent,
    StatementStatus,
)
from shipping.statements.ledger import month_end

STATEMENT_FORM = "F-STM-001"


def _money(verbose_name):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, default=Decimal("0"))


class Statement(StatusBadge, Lifecycle, models.Model):
    customer = models.ForeignKey(
        "orders.Customer",
        on_delete=models.PROTECT,
        related_name="statements",
        verbose_name=_("customer"),
    )
    period = models.DateField(_("month"), help_text=_("The first day of the month stated."))
    status = FSMField(
        _("status"),
        default=StatementStatus.DRAFT,
        choices=StatementStatus.choices,
        protected=True,
        db_index=True,
    )
    generated_by = user_fk(_("drawn up by"), null=True, blank=True)  # None: the monthly pass
    generated_at = models.DateTimeField(_("drawn up at"))
    sent_by = user_fk(_("sent by"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    answered_by_name = models.CharField(_("answered by (customer)"), max_length=120, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_comment = models.TextField(_("customer's comment"), blank=True)
    # A confirmation the customer gave on paper, filed by finance: the scan and who filed it.
    # A confirmation or a dispute the customer gave on paper, filed by finance: the scan and who
    # filed it.
    paper_confirmation = models.FileField(
        _("customer's answer on paper (scan)"),
        upload_to="statements/%Y/%m/",
        blank=True,
        validators=[UploadValidator("signed_copy")],
    )
    paper_recorded_by = user_fk(_("paper answer filed by"), null=True, blank=True)
    resolved_by = user_fk(_("resolved by"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(_("how the differences were resolved"), blank=True)
    # The agreed correction, posted on the order's settlement: it is a line of the next
    # statement and lowers what the order owes.
    correction = models.OneToOneField(
        "shipping.Deduction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statement_resolved",
        verbose_name=_("credit note posted"),
    )

    status_colours = STATEMENT_STATUS_COLOURS

    class Meta:
        verbose_name = _("customer statement")
        verbose_name_plural = _("customer statements")
        ordering = ["-period", "customer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "period"], name="one_statement_per_customer_and_month"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("statements:detail", args=[self.pk])

    @property
    def label(self) -> str:
        return f"ST-{self.customer_id:04d}-{self.period:%Y-%m}"

    @property
    def period_end(self) -> date:
        return month_end(self.period)

    @property
    def merchandiser(self):
        """Whom the customer asks about it (the forms' contact): the finance clerk who sent it."""
        return self.sent_by or self.generated_by

    # ---- the lifecycle (R31) ------------------------------------------------------------------

    @transition(
        field=status,
        source=StatementStatus.DRAFT,
        target=StatementStatus.DRAFT,
        permission=permissions.can_keep_statement,
    )
    def refresh(self) -> None:
        """Drawn up again from the settlement while still a draft (the service rewrites it)."""

    @transition(
        field=status,
        source=StatementStatus.DRAFT,
        target=StatementStatus.SENT,
        permission=permissions.can_keep_statement,
    )
    def send(self, user, when) -> None:
        self.sent_by, self.sent_at = user, when

    @transition(
        field=status,
        source=StatementStatus.SENT,
        target=StatementStatus.CONFIRMED,
        permission=permissions.answered_through_the_link,
    )
    def confirm(self, name: str, when, comment: str = "") -> None:
        self.answered_by_name, self.answered_at, self.answer_comment = name, when, comment

    @transition(
        field=status,
        source=StatementStatus.SENT,
        target=StatementStatus.CONFIRMED,
        permission=permissions.can_keep_statement,
    )
    def confirm_on_paper(self, name: str, when, recorded_by) -> None:
        """The customer signed the statement on paper; finance files the scan."""
        self.answered_by_name, self.answered_at = name, when
        self.paper_recorded_by = recorded_by

    @transition(
        field=status,
        source=StatementStatus.SENT,
        target=StatementStatus.DISPUTED,
        permission=permissions.answered_through_the_link,
    )
    def dispute(self, name: str, when, comment: str = "") -> None:
        self.answered_by_name, self.answered_at, self.answer_comment = name, when, comment

    @transition(
        field=status,
        source=StatementStatus.SENT,
        target=StatementStatus.DISPUTED,
        permission=permissions.can_keep_statement,
    )
    def dispute_on_paper(self, name: str, when, recorded_by, comment: str) -> None:
        """The customer wrote back disputing lines instead of using the link; finance files
        the letter."""
        self.answered_by_name, self.answered_at, self.answer_comment = name, when, comment
        self.paper_recorded_by = recorded_by

    @transition(
        field=status,
        source=StatementStatus.DISPUTED,
        target=StatementStatus.RESOLVED,
        permission=permissions.can_keep_statement,
    )
    def resolve(self, user, when, resolution: str) -> None:
        self.resolved_by, self.resolved_at, self.resolution = user, when, resolution


class StatementBalance(models.Model):
    """One currency of the statement: opening + invoiced − received − claims and deductions
    = closing."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="balances", verbose_name=_("statement")
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    opening = _money(_("opening balance"))
    invoiced = _money(_("invoiced"))
    received = _money(_("received"))
    deducted = _money(_("claims and deductions"))
    closing = _money(_("closing balance"))

    class Meta:
        verbose_name = _("statement balance")
        verbose_name_plural = _("statement balances")
        ordering = ["currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "currency"], name="one_balance_per_statement_currency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement} {self.currency}"

    def money(self, name: str) -> Money:
        return Money(getattr(self, name), self.currency)


class StatementLine(models.Model):
    """One invoice, payment, claim or deduction of the month. `amount` is signed as the balance
    moves: an invoice adds, a payment, claim or deduction takes off."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="lines", verbose_name=_("statement")
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=LineKind.choices)
    day = models.DateField(_("date"))
    order = models.ForeignKey(
        "orders.Order", on_delete=models.PROTECT, related_name="+", verbose_name=_("order")
    )
    reference = models.CharField(_("reference"), max_length=80, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    disputed = models.BooleanField(_("disputed"), default=False)
    dispute_reason = models.TextField(_("reason given by the customer"), blank=True)

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["currency", "day", "id"]

    def __str__(self) -> str:
        return f"{self.day} {self.get_kind_display()} {self.reference} {self.amount}"

    @property
    def debit(self) -> Decimal | None:
        return self.amount if self.amount > 0 else None

    @property
    def credit(self) -> Decimal | None:
        return -self.amount if self.amount < 0 else None


class StatementRecord(models.Model):
    """The statement's history: who did what, when and why (a customer's answer names the
    person who answered through the link)."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="records", verbose_name=_("statement")
    )
    action = models.CharField(_("action"), max_length=32, choices=StatementEvent.choices)
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12, blank=True)
    actor = user_fk(_("by"), null=True, blank=True)
    actor_name = models.CharField(_("by (customer)"), max_length=120, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("statement history entry")
        verbose_name_plural = _("statement history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.statement} {self.get_action_display()}"
