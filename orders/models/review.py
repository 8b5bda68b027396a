"""What the review stage records: the contract check (R5), the approval chain (R10) and the
payment gate's clearances (R11). The rules that read them are in orders/rules.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.choices import ApprovalStep, Clearance, Currency, Decision
from orders.models.order import Order
from orders.uploads import UploadValidator

# R5: what the merchandiser checks on the customer's contract before it is distributed.
CONTRACT_CHECK_ITEMS = [
    ("quantity_and_allocation", _("Quantity and size/colour allocation")),
    ("price", _("Price")),
    ("fabric", _("Fabric, composition and construction")),
    ("finishing", _("Finishing")),
    ("payment_terms", _("Payment terms")),
    ("customer_date", _("Customer date")),
    ("style", _("Style")),
    ("packing_and_shipping", _("Packing and shipping data")),
]


class ContractCheck(models.Model):
    order = models.OneToOneField(
        Order, on_delete=models.CASCADE, related_name="contract_check", verbose_name=_("order")
    )
    quantity_and_allocation = models.BooleanField(CONTRACT_CHECK_ITEMS[0][1], default=False)
    price = models.BooleanField(CONTRACT_CHECK_ITEMS[1][1], default=False)
    fabric = models.BooleanField(CONTRACT_CHECK_ITEMS[2][1], default=False)
    finishing = models.BooleanField(CONTRACT_CHECK_ITEMS[3][1], default=False)
    payment_terms = models.BooleanField(CONTRACT_CHECK_ITEMS[4][1], default=False)
    customer_date = models.BooleanField(CONTRACT_CHECK_ITEMS[5][1], default=False)
    style = models.BooleanField(CONTRACT_CHECK_ITEMS[6][1], default=False)
    packing_and_shipping = models.BooleanField(CONTRACT_CHECK_ITEMS[7][1], default=False)
    customer_signed = models.BooleanField(_("customer's signature present"), default=False)
    signed_contract = models.FileField(
        _("signed contract"),
        upload_to="contracts/%Y/%m/",
        blank=True,
        validators=[UploadValidator("signed_copy")],
    )
    mismatches = models.TextField(_("mismatches clarified with the customer"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contract check")
        verbose_name_plural = _("contract checks")

    def __str__(self) -> str:
        return str(self.order)

    def unticked_items(self) -> list:
        return [label for field, label in CONTRACT_CHECK_ITEMS if not getattr(self, field)]


class Approval(models.Model):
    """One signature of the R10 chain, for one review round of an order."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="approvals", verbose_name=_("order")
    )
    review_round = models.PositiveIntegerField(_("review round"))
    step = models.CharField(_("step"), max_length=20, choices=ApprovalStep.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "review_round", "step"],
                condition=models.Q(decision="approved"),
                name="one_approval_per_step_and_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order} {self.get_step_display()}: {self.get_decision_display()}"


class ApprovalThreshold(models.Model):
    """Above this amount a contract also needs the general manager (R10). Managers edit it."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, unique=True)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("general manager approval threshold")
        verbose_name_plural = _("general manager approval thresholds")
        ordering = ["currency"]

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,}"

    @classmethod
    def amount_for(cls, currency: str):
        return cls.objects.filter(currency=currency).values_list("amount", flat=True).first()

    @classmethod
    def amounts(cls) -> dict:
        """Every currency's threshold, for a page deciding R10 for many contracts at once."""
        return dict(cls.objects.values_list("currency", "amount"))


class CurrentClearances(models.Manager):
    """The clearances in force: one a change made too small (R8) no longer opens the gate. It
    stays in the table and on the timeline; `PaymentClearance.with_void` reads every row."""

    def get_queryset(self):
        return super().get_queryset().filter(void_at__isnull=True)


class PaymentClearance(models.Model):
    """A fact that opens the payment gate of R11: an L/C received or checked, a deposit
    confirmed, credit approved, or the general manager's exception."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="clearances", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Clearance.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # What it secured when recorded: the deposit for a deposit, the order's total otherwise.
    amount = models.DecimalField(
        _("amount secured"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    void_at = models.DateTimeField(_("void since"), null=True, blank=True)
    void_reason = models.TextField(_("why it is void"), blank=True)

    with_void = models.Manager()
    objects = CurrentClearances()

    class Meta:
        verbose_name = _("payment clearance")
        verbose_name_plural = _("payment clearances")
        ordering = ["at", "id"]
        default_manager_name = "objects"
        base_manager_name = "with_void"
        constraints = [
            models.UniqueConstraint(
                fields=["order", "kind"],
                condition=models.Q(void_at__isnull=True),
                name="one_clearance_per_kind",
            ),
        ]
        indexes = [
            # "Waiting for me" asks which approved orders have a clearance of a kind (the GM's
            # exception is rare: without this it is looked for among every clearance kept).
            models.Index(
                fields=["kind", "order"],
                condition=models.Q(void_at__isnull=True),
                name="clearance_in_force_by_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}: {self.get_kind_display()}"
