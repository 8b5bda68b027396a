"""Money against an order (R21): payments received, claims and deductions, reminder claims."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import Currency
from orders.money import Money
from shipping.choices import DeductionSource, PaymentKind


class Payment(models.Model):
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="payments", verbose_name=_("order")
    )
    kind = models.CharField(_("payment"), max_length=16, choices=PaymentKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("bank reference"), max_length=80, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["received_on", "id"]
        constraints = [
            # R21: one bank remittance is recorded once on an order, whatever the case typed.
            models.UniqueConstraint(
                Upper("reference"),
                "order",
                condition=~Q(reference=""),
                name="payment_bank_reference_once_per_order",
                violation_error_message=_("This bank reference is already recorded on the order."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="payment_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.money}"

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class Deduction(models.Model):
    """A claim or deduction that lowers what the customer owes; complaints add theirs here."""

    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="deductions",
        verbose_name=_("order"),
    )
    source = models.CharField(_("source"), max_length=10, choices=DeductionSource.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    reason = models.TextField(_("reason"))
    # Where it came from in another app (e.g. "complaints.Complaint:12"), kept as text so this
    # model does not depend on that app.
    source_reference = models.CharField(_("source reference"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("claim or deduction")
        verbose_name_plural = _("claims and deductions")
        ordering = ["recorded_at", "id"]
        # The KPIs and the factory scorecard sum the deductions of a period.
        indexes = [models.Index(fields=["recorded_at"], name="deduction_recorded")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="deduction_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.money}"

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)
