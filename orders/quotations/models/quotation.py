"""The quotation (報價 / 核價單, R18) and its state machine, in one place."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from orders.choices import Currency, Incoterm, PaymentTerms
from orders.models.fields import StatusBadge, user_fk
from orders.quotations import permissions
from orders.quotations.choices import (
    EVENT_LABELS,
    EXPIRABLE_STATUSES,
    QUOTATION_STATUS_COLOURS,
    REPLACED_ON_REQUOTE,
    CostKind,
    QuotationStatus,
)
from orders.quotations.costing import CostParts, r18_break_figures
from orders.quotations.models.costing import QuotationPolicy
from orders.quotations.rules import r18_special_price_reasons


class Quotation(StatusBadge, ConcurrentTransitionMixin, models.Model):
    # Every revision of one quotation shares its number (that of the first revision).
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_revision",
        verbose_name=_("replaces"),
        editable=False,
    )
    customer = models.ForeignKey(
        "orders.Customer",
        on_delete=models.PROTECT,
        related_name="quotations",
        verbose_name=_("customer"),
    )
    style_no = models.CharField(_("style no."), max_length=60)
    description = models.CharField(_("description"), max_length=255)
    season = models.CharField(_("season"), max_length=20, blank=True)
    merchandiser = user_fk(_("merchandiser"))
    team = models.ForeignKey(
        "orders.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotations",
        verbose_name=_("team"),
    )
    currency = models.CharField(
        _("selling currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    cost_currency = models.CharField(
        _("cost currency"), max_length=3, choices=Currency.choices, default=Currency.CNY
    )
    exchange_rate = models.DecimalField(
        _("exchange rate"),
        max_digits=14,
        decimal_places=6,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.000001"))],
        help_text=_("Units of the cost currency per unit of the selling currency (e.g. 7.2)."),
    )
    target_margin_percent = models.DecimalField(
        _("target margin (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("15"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99.99"))],
    )
    incoterm = models.CharField(
        _("incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.FOB
    )
    payment_terms = models.CharField(
        _("payment terms"), max_length=2, choices=PaymentTerms.choices, blank=True
    )
    valid_until = models.DateField(_("valid until"))
    notes = models.TextField(_("notes for the customer"), blank=True)
    status = FSMField(
        _("status"),
        default=QuotationStatus.DRAFT,
        choices=QuotationStatus.choices,
        protected=True,
        db_index=True,
    )
    submitted_by = user_fk(_("submitted by"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = user_fk(_("approved by"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    special_price = models.BooleanField(
        _("special price"),
        default=False,
        help_text=_("Approved by the general manager or the deputy (R18)."),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    lost_reason = models.TextField(_("why it was lost"), blank=True)
    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotation",
        verbose_name=_("order"),
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    status_colours = QUOTATION_STATUS_COLOURS

    class Meta:
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["number", "revision"], name="one_quotation_revision"),
        ]
        indexes = [models.Index(fields=["customer", "style_no"])]

    def __str__(self) -> str:
        return f"{self.label} · {self.customer} · {self.style_no}"

    def get_absolute_url(self) -> str:
        return reverse("quotations:detail", args=[self.pk])

    @property
    def label(self) -> str:
        number = self.number or self.pk or 0
        return f"QT-{number:05d} Rev {self.revision}"

    # ---- figures -----------------------------------------------------------------------------
    def cost_parts(self) -> CostParts:
        return CostParts.of(self.costing_lines.all())

    def break_figures(self) -> list:
        """Price, cost and margin at each quantity break (reads the prefetched lines)."""
        parts = self.cost_parts()
        return [
            r18_break_figures(
                parts,
                exchange_rate=self.exchange_rate,
                min_quantity=price_break.min_quantity,
                unit_price=price_break.unit_price,
                target_margin=self.target_margin_percent,
            )
            for price_break in self.price_breaks.all()
        ]

    def special_price_reasons(self) -> list[str]:
        cached = getattr(self, "_special_reasons", None)
        if cached is None:
            threshold = QuotationPolicy.current().special_price_margin_percent
            cached = self._special_reasons = r18_special_price_reasons(self, threshold=threshold)
        return cached

    def remember_special_price_reasons(self, reasons: list[str]) -> None:
        """Keep R18's reasons read for many quotations at once (a list page's selector)."""
        self._special_reasons = reasons

    def needs_special_approval(self) -> bool:
        return bool(self.special_price_reasons())

    # ---- conditions --------------------------------------------------------------------------
    def has_factory_price(self) -> bool:
        return any(line.kind == CostKind.FACTORY_PRICE for line in self.costing_lines.all())

    def has_price_breaks(self) -> bool:
        return any(True for _break in self.price_breaks.all())

    def is_valid_today(self) -> bool:
        return self.valid_until >= timezone.localdate()

    def validity_passed(self) -> bool:
        return not self.is_valid_today()

    # ---- the state machine -------------------------------------------------------------------
    @transition(
        field=status,
        source=QuotationStatus.DRAFT,
        target=QuotationStatus.IN_APPROVAL,
        conditions=[has_factory_price, has_price_breaks, is_valid_today],
        permission=permissions.can_prepare,
    )
    def submit(self) -> None:
        """R18: approved before it is sent."""

    @transition(
        field=status,
        source=QuotationStatus.IN_APPROVAL,
        target=QuotationStatus.APPROVED,
        permission=permissions.can_approve,
    )
    def approve(self) -> None:
        self.special_price = self.needs_special_approval()

    @transition(
        field=status,
        source=QuotationStatus.IN_APPROVAL,
        target=QuotationStatus.DRAFT,
        permission=permissions.can_decide,
    )
    def reject(self, reason: str) -> None:
        """Back to the merchandiser with the reason, to rework the costing or the prices."""

    @transition(
        field=status,
        source=QuotationStatus.APPROVED,
        target=QuotationStatus.SENT,
        conditions=[is_valid_today],
        permission=permissions.can_prepare,
    )
    def send(self) -> None:
        pass

    @transition(
        field=status,
        source=QuotationStatus.SENT,
        target=QuotationStatus.WON,
        permission=permissions.can_prepare,
    )
    def win(self) -> None:
        pass

    @transition(
        field=status,
        source=QuotationStatus.SENT,
        target=QuotationStatus.LOST,
        permission=permissions.can_prepare,
    )
    def lose(self, reason: str) -> None:
        self.lost_reason = reason

    @transition(
        field=status,
        source=EXPIRABLE_STATUSES,
        target=QuotationStatus.EXPIRED,
        conditions=[validity_passed],
        permission=permissions.can_prepare,
    )
    def expire(self) -> None:
        pass

    @transition(
        field=status,
        source=REPLACED_ON_REQUOTE,
        target=QuotationStatus.REVISED,
        permission=permissions.can_prepare,
    )
    def replace(self) -> None:
        """Re-quoted: the next revision takes over; this one stays on record."""


class QuotationEvent(models.Model):
    """Who did what to a quotation, when and why."""

    quotation = models.ForeignKey(
        Quotation, on_delete=models.CASCADE, related_name="events", verbose_name=_("quotation")
    )
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(
        _("from"), max_length=20, choices=QuotationStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=20, choices=QuotationStatus.choices, blank=True
    )
    actor = user_fk(_("by"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("quotation event")
        verbose_name_plural = _("quotation events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.quotation.label} {self.action}"

    @property
    def action_label(self):
        return EVENT_LABELS.get(self.action, self.action)
