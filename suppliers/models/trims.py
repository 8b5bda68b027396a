from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.choices import Currency
from orders.lifecycle import Lifecycle
from orders.uploads import UploadValidator
from suppliers.choices import SupplierKind, TrimCardStatus, TrimSource
from suppliers.models.parties import Supplier, SupplierContact
from suppliers.models.procurement import Procurement
from suppliers.permissions import may_review_trim_card

# What each trim source must state (seed 000 §5.6.2), by field name.
REQUIRED_FIELDS = {
    TrimSource.FACTORY: ["trim_sample", "order_date", "in_house_date"],
    TrimSource.CUSTOMER_NOMINATED: [
        "customer_trim_sample",
        "supplier",
        "contact",
        "order_date",
        "in_house_date",
        "colour_standard",
        "size_standard",
        "unit_price",
    ],
    TrimSource.CUSTOMER_SUPPLIED: ["trim_sample", "in_house_date"],
}


class SeasonTrim(models.Model):
    """A trim approved once at the start of a season (R1): it counts for every order of that
    customer and season, so those orders need not put it on a trim card."""

    customer = models.ForeignKey(
        "orders.Customer",
        on_delete=models.CASCADE,
        related_name="season_trims",
        verbose_name=_("customer"),
    )
    season = models.CharField(_("season"), max_length=20)
    description = models.CharField(_("trim"), max_length=200)
    trim_sample = models.CharField(_("trim sample"), max_length=200, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    comments = models.TextField(_("comments"), blank=True)

    class Meta:
        verbose_name = _("season-wide trim")
        verbose_name_plural = _("season-wide trims")
        ordering = ["customer", "season", "description"]

    def __str__(self) -> str:
        return f"{self.description} ({self.customer} {self.season})"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class Trim(Procurement):
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="trims", verbose_name=_("order")
    )
    description = models.CharField(_("trim"), max_length=200, help_text=_("E.g. main label"))
    source = models.CharField(_("source"), max_length=20, choices=TrimSource.choices)
    trim_sample = models.CharField(_("trim sample"), max_length=200, blank=True)
    customer_trim_sample = models.CharField(_("customer's trim sample"), max_length=200, blank=True)
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trims",
        limit_choices_to={"kind": SupplierKind.TRIM_SUPPLIER},
        verbose_name=_("supplier"),
    )
    contact = models.ForeignKey(
        SupplierContact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact"),
    )
    order_date = models.DateField(_("order date"), null=True, blank=True)
    in_house_date = models.DateField(_("in-house date due"), null=True, blank=True)
    colour_standard = models.CharField(_("colour standard"), max_length=200, blank=True)
    size_standard = models.CharField(_("size standard"), max_length=200, blank=True)
    unit_price = models.DecimalField(
        _("unit price"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    # R24: the trim list to the factory shows each trim's picture; QC inspects against it.
    picture = models.ImageField(
        _("picture"),
        upload_to="suppliers/trims/%Y/%m/",
        blank=True,
        validators=[UploadValidator("picture")],
        help_text=_("JPEG or PNG; printed on the trim list for the factory and QC."),
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    consumption = models.DecimalField(
        _("consumption per garment"), max_digits=10, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("E.g. pcs, m"))
    season_trim = models.ForeignKey(
        SeasonTrim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trims",
        verbose_name=_("season-wide approval"),
    )

    class Meta:
        verbose_name = _("trim")
        verbose_name_plural = _("trims")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.description} ({self.get_source_display()})"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url() + "#materials"

    @property
    def season_approved(self) -> bool:
        return self.season_trim is not None and self.season_trim.is_approved

    def missing_fields(self) -> list[str]:
        """The fields this trim's source asks for that are still empty."""
        return [
            name
            for name in REQUIRED_FIELDS.get(self.source, [])
            if getattr(self, name if name not in ("supplier", "contact") else f"{name}_id")
            in (None, "")
        ]


class TrimCard(Lifecycle, models.Model):
    """One submission of the factory's trim card (物料咭, in duplicate) and its review (R1)."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="trim_cards", verbose_name=_("order")
    )
    round = models.PositiveIntegerField(_("round"))
    received_on = models.DateField(_("received on"))
    copies = models.PositiveSmallIntegerField(_("copies"), default=2)
    review_deadline = models.DateField(_("review deadline"), db_index=True)
    status = FSMField(
        _("status"),
        max_length=10,
        choices=TrimCardStatus.choices,
        default=TrimCardStatus.SUBMITTED,
        protected=True,
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("received by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    errors = models.TextField(_("errors found"), blank=True)
    qc_copy_at = models.DateTimeField(_("copy given to QC at"), null=True, blank=True)
    filed_at = models.DateTimeField(_("copy filed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("trim card")
        verbose_name_plural = _("trim cards")
        ordering = ["order", "round"]
        constraints = [
            models.UniqueConstraint(fields=["order", "round"], name="unique_trim_card_round")
        ]
        indexes = [
            # The cards waiting for review in the list's order (R1): the list and its count read
            # these, not every card ever received (issue 16).
            models.Index(
                fields=["review_deadline", "received_on", "id"],
                condition=models.Q(status="submitted"),
                name="trim_card_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} #{self.round}"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url() + "#materials"

    @property
    def is_waiting(self) -> bool:
        return self.status == TrimCardStatus.SUBMITTED

    # ---- the lifecycle (R1): submitted -> returned with errors | approved and signed -----------
    @transition(
        field=status,
        source=TrimCardStatus.SUBMITTED,
        target=TrimCardStatus.RETURNED,
        permission=may_review_trim_card,
    )
    def return_to_factory(self, *, by, at, errors: str) -> None:
        """Errors go back to the factory at once; it submits a corrected card as a new round."""
        self.errors, self.reviewed_by, self.reviewed_at = errors, by, at

    @transition(
        field=status,
        source=TrimCardStatus.SUBMITTED,
        target=TrimCardStatus.APPROVED,
        permission=may_review_trim_card,
    )
    def approve(self, *, by, at) -> None:
        """Signed: one copy goes to QC, the other is filed."""
        self.reviewed_by, self.reviewed_at = by, at
        self.qc_copy_at, self.filed_at = at, at

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == TrimCardStatus.SUBMITTED and self.review_deadline < timezone.localdate()
        )
