"""What a quotation is made of: its costing lines and its prices per quantity break; and the
admin's threshold below which a margin is a special price (R18)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.quotations.choices import CostBasis, CostKind


class QuotationPolicy(models.Model):
    """One row, edited in the admin by the general manager."""

    special_price_margin_percent = models.DecimalField(
        _("special price below this margin (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99.99"))],
        help_text=_(
            "R18: a quotation whose margin at any quantity break is below this needs the "
            "general manager or the deputy general manager."
        ),
    )

    class Meta:
        verbose_name = _("quotation policy")
        verbose_name_plural = _("quotation policy")

    def __str__(self) -> str:
        return str(
            _("Special price below %(percent)s %%") % {"percent": self.special_price_margin_percent}
        )

    @classmethod
    def current(cls) -> "QuotationPolicy":
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy


class CostingLine(models.Model):
    quotation = models.ForeignKey(
        "quotations.Quotation",
        on_delete=models.CASCADE,
        related_name="costing_lines",
        verbose_name=_("quotation"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("cost"), max_length=20, choices=CostKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    basis = models.CharField(
        _("basis"), max_length=10, choices=CostBasis.choices, default=CostBasis.PER_PIECE
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=4,
        help_text=_("In the cost currency, or a percent for percent lines."),
    )

    class Meta:
        verbose_name = _("costing line")
        verbose_name_plural = _("costing lines")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    @property
    def is_percent(self) -> bool:
        return self.basis == CostBasis.PERCENT_OF_PRICE


class PriceBreak(models.Model):
    """The selling price from this quantity up (pieces per order)."""

    quotation = models.ForeignKey(
        "quotations.Quotation",
        on_delete=models.CASCADE,
        related_name="price_breaks",
        verbose_name=_("quotation"),
    )
    min_quantity = models.PositiveIntegerField(_("from quantity (pcs)"))
    unit_price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=4)

    class Meta:
        verbose_name = _("price break")
        verbose_name_plural = _("price breaks")
        ordering = ["min_quantity"]
        constraints = [
            models.UniqueConstraint(
                fields=["quotation", "min_quantity"], name="one_price_per_quantity_break"
            )
        ]

    def __str__(self) -> str:
        return f"≥{self.min_quantity}: {self.unit_price}"
