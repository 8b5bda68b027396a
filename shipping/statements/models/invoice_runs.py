"""R31: invoices issued three times a month and their receipt confirmed. At each cut-off the
admin sets (the 10th, the 20th and the month's end by default), a customer's commercial
invoices not yet sent are drawn up into one run; finance sends them together, and the customer
confirms their receipt through the mail's signed link (or finance records it)."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.choices import Currency
from orders.lifecycle import Lifecycle
from orders.money import Money
from orders.uploads import UploadValidator
from shipping.statements import permissions
from shipping.statements.choices import (
    INVOICE_RUN_STATUS_COLOURS,
    InvoiceRunEvent,
    InvoiceRunStatus,
)

INVOICE_RUN_FORM = "F-INV-001"


def _user(verbose_name, **extra):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=verbose_name,
        **extra,
    )


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


class InvoicingPolicy(models.Model):
    """One row, edited in the admin by the general manager: the two cut-offs within the month
    (the third is the month's end, seed 001 §6: 每月三次开票) and the days the customer has to
    confirm the receipt before finance chases."""

    first_cutoff = models.PositiveSmallIntegerField(
        _("first cut-off (day of the month)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(27)],
    )
    second_cutoff = models.PositiveSmallIntegerField(
        _("second cut-off (day of the month)"),
        default=20,
        validators=[MinValueValidator(2), MaxValueValidator(27)],
        help_text=_("The third cut-off is the month's last day."),
    )
    receipt_days = models.PositiveSmallIntegerField(
        _("days to confirm the receipt"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    class Meta:
        verbose_name = _("invoicing schedule")
        verbose_name_plural = _("invoicing schedule")

    def __str__(self) -> str:
        return str(
            _("Invoices on the %(first)s, the %(second)s and the month's end")
            % {"first": self.first_cutoff, "second": self.second_cutoff}
        )

    def clean(self) -> None:
        if self.first_cutoff >= self.second_cutoff:
            raise ValidationError({"second_cutoff": _("The second cut-off comes after the first.")})

    @classmethod
    def current(cls) -> "InvoicingPolicy":
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy

    def cutoffs(self, month: date) -> list[date]:
        """The month's three cut-off days."""
        return [
            month.replace(day=self.first_cutoff),
            month.replace(day=self.second_cutoff),
            _month_end(month),
        ]

    def window(self, day: date) -> tuple[date, date]:
        """The cut-off window holding `day`: (its first day, its cut-off)."""
        start = day.replace(day=1)
        for cutoff in self.cutoffs(day):
            if day <= cutoff:
                return start, cutoff
            start = cutoff + timedelta(days=1)
        raise AssertionError("the month's end is the last cut-off")

    def last_closed_cutoff(self, today: date) -> date:
        """The latest cut-off before today: its run can be drawn up."""
        start, _cutoff = self.window(today)
        return start - timedelta(days=1)


class InvoiceRun(Lifecycle, models.Model):
    customer = models.ForeignKey(
        "orders.Customer",
        on_delete=models.PROTECT,
        related_name="invoice_runs",
        verbose_name=_("customer"),
    )
    cutoff = models.DateField(_("cut-off"))
    status = FSMField(
        _("status"),
        default=InvoiceRunStatus.DRAFT,
        choices=InvoiceRunStatus.choices,
        protected=True,
        db_index=True,
    )
    generated_by = _user(_("drawn up by"), null=True, blank=True)  # None: the scheduled pass
    generated_at = models.DateTimeField(_("drawn up at"))
    sent_by = _user(_("sent by"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    received_by_name = models.CharField(_("received by (customer)"), max_length=120, blank=True)
    received_at = models.DateTimeField(_("receipt confirmed at"), null=True, blank=True)
    receipt_comment = models.TextField(_("comment on the receipt"), blank=True)
    receipt_recorded_by = _user(_("receipt recorded by"), null=True, blank=True)
    receipt_scan = models.FileField(
        _("customer's receipt (scan)"),
        upload_to="invoice-runs/%Y/%m/",
        blank=True,
        validators=[UploadValidator("signed_copy")],
    )

    class Meta:
        verbose_name = _("invoice run")
        verbose_name_plural = _("invoice runs")
        ordering = ["-cutoff", "customer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "cutoff"], name="one_invoice_run_per_customer_and_cutoff"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("statements:run", args=[self.pk])

    @property
    def label(self) -> str:
        return f"IR-{self.customer_id:04d}-{self.cutoff:%Y-%m-%d}"

    @property
    def status_colour(self) -> str:
        return INVOICE_RUN_STATUS_COLOURS.get(self.status, "grey")

    @property
    def merchandiser(self):
        """Whom the customer asks about it (the forms' contact): the finance clerk who sent it."""
        return self.sent_by or self.generated_by

    def totals(self) -> list[Money]:
        sums: dict[str, Decimal] = {}
        for line in self.lines.all():
            sums[line.currency] = sums.get(line.currency, Decimal("0")) + line.amount
        return [Money(amount, currency) for currency, amount in sorted(sums.items())]

    # ---- the lifecycle (R31) ------------------------------------------------------------------

    @transition(
        field=status,
        source=InvoiceRunStatus.DRAFT,
        target=InvoiceRunStatus.DRAFT,
        permission=permissions.can_keep_statement,
    )
    def refresh(self) -> None:
        """Drawn up again with the invoices issued since, while still a draft."""

    @transition(
        field=status,
        source=InvoiceRunStatus.DRAFT,
        target=InvoiceRunStatus.SENT,
        permission=permissions.can_keep_statement,
    )
    def send(self, user, when) -> None:
        self.sent_by, self.sent_at = user, when

    @transition(
        field=status,
        source=InvoiceRunStatus.SENT,
        target=InvoiceRunStatus.RECEIVED,
        permission=permissions.answered_through_the_link,
    )
    def confirm_receipt(self, name: str, when, comment: str = "") -> None:
        self.received_by_name, self.received_at, self.receipt_comment = name, when, comment

    @transition(
        field=status,
        source=InvoiceRunStatus.SENT,
        target=InvoiceRunStatus.RECEIVED,
        permission=permissions.can_keep_statement,
    )
    def record_receipt(self, name: str, when, recorded_by, comment: str = "") -> None:
        """The customer confirmed the receipt by mail, phone or on paper; finance records it."""
        self.received_by_name, self.received_at, self.receipt_comment = name, when, comment
        self.receipt_recorded_by = recorded_by


class InvoiceRunLine(models.Model):
    """One commercial invoice of the run, as it was sent. An invoice goes out in one run."""

    run = models.ForeignKey(
        InvoiceRun, on_delete=models.CASCADE, related_name="lines", verbose_name=_("invoice run")
    )
    invoice = models.OneToOneField(
        "shipping.CommercialInvoice",
        on_delete=models.PROTECT,
        related_name="run_line",
        verbose_name=_("commercial invoice"),
    )
    order = models.ForeignKey(
        "orders.Order", on_delete=models.PROTECT, related_name="+", verbose_name=_("order")
    )
    number = models.CharField(_("invoice no."), max_length=40)
    issued_on = models.DateField(_("invoice date"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("invoice of a run")
        verbose_name_plural = _("invoices of a run")
        ordering = ["issued_on", "number"]

    def __str__(self) -> str:
        return self.number


class InvoiceRunRecord(models.Model):
    """The run's history: who did what, when (a customer's answer names who answered)."""

    run = models.ForeignKey(
        InvoiceRun, on_delete=models.CASCADE, related_name="records", verbose_name=_("invoice run")
    )
    action = models.CharField(_("action"), max_length=32, choices=InvoiceRunEvent.choices)
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12, blank=True)
    actor = _user(_("by"), null=True, blank=True)
    actor_name = models.CharField(_("by (customer)"), max_length=120, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice run history entry")
        verbose_name_plural = _("invoice run history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.run} {self.get_action_display()}"
