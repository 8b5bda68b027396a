"""The order and its state machine: every transition with its gates and permission, in one place."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from orders import permissions
from orders.choices import (
    ACTIVE_STAGES,
    CANCELLABLE_STAGES,
    LIFECYCLE,
    NOT_YET_SHIPPED_STAGES,
    Currency,
    Incoterm,
    PaymentTerms,
    Stage,
)
from orders.gates import gates_met
from orders.models.parties import Customer, Team
from orders.money import Money


class StaleOrderError(Exception):
    """Someone else changed the order since the user loaded it."""


class Order(ConcurrentTransitionMixin, models.Model):
    customer = models.ForeignKey(
        Customer, on_delete=models.PROTECT, related_name="orders", verbose_name=_("customer")
    )
    po_number = models.CharField(_("customer P/O no."), max_length=60)
    style_no = models.CharField(_("style no."), max_length=60)
    description = models.CharField(_("description"), max_length=255)
    season = models.CharField(_("season"), max_length=20, blank=True)
    # The style data of the customer's contract that R5 checks and the production order prints;
    # the fabric bookings, trims and shipping marks of the other apps are worked out from it.
    fabric = models.TextField(_("fabric and construction"), blank=True)
    composition = models.CharField(_("composition"), max_length=200, blank=True)
    finishing = models.TextField(_("wash / finishing"), blank=True)
    packing = models.TextField(
        _("packing instructions"),
        blank=True,
        help_text=_("Assortment, pieces per carton, polybag, hangtags..."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    incoterm = models.CharField(
        _("incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.FOB
    )
    payment_terms = models.CharField(_("payment terms"), max_length=2, choices=PaymentTerms.choices)
    deposit_percent = models.DecimalField(
        _("deposit %"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("For T/T: the share paid before production."),
    )
    commission = models.BooleanField(
        _("commission payable"),
        default=False,
        help_text=_("The terms carry a commission (needs the general manager)."),
    )
    # R29: a repeat style made from its master file (直接單); its ORDER CONFIRMATION is signed
    # back by the sales office before the P/O goes to review.
    direct_order = models.BooleanField(
        _("direct order (直接單)"),
        default=False,
        help_text=_(
            "The sales office prices and signs the ORDER CONFIRMATION before the P/O is entered "
            "for review (R29)."
        ),
    )
    # R33: the product is under statutory commodity inspection (法定商檢).
    commodity_inspection = models.BooleanField(
        _("commodity inspection (商檢)"),
        default=False,
        help_text=_(
            "The product is under statutory inspection: the production order says so and the "
            "plan gets the inspection and customs bookings (R33)."
        ),
    )
    order_date = models.DateField(_("order date"))
    customer_date = models.DateField(_("customer date (客期)"))
    ex_factory_date = models.DateField(_("ex-factory date"))
    # By name: suppliers/ depends on orders/, never the other way round.
    factory = models.ForeignKey(
        "suppliers.Factory",
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name=_("factory"),
    )
    merchandiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name=_("merchandiser"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="orders", verbose_name=_("team")
    )
    stage = FSMField(
        _("stage"), default=Stage.RECEIVED, choices=Stage.choices, protected=True, db_index=True
    )
    held_from = models.CharField(
        _("stage before hold"), max_length=20, choices=Stage.choices, blank=True
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    review_round = models.PositiveIntegerField(_("review round"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)
    # R8: each applied change request moves the contract to its next revision (Rev 2, Rev 3...).
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    # The revision whose change last touched the style data (0: as entered); samples read it.
    style_revision = models.PositiveIntegerField(
        _("style data last changed in revision"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["ex_factory_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "po_number"], name="unique_po_number_per_customer"
            ),
        ]
        indexes = [
            models.Index(fields=["team", "stage"]),
            # The lists' order (Meta.ordering): a page is read off the index, not sorted.
            models.Index(fields=["ex_factory_date", "id"], name="order_ex_factory_id"),
            # The home's late, due and waiting blocks: the open orders by date, without walking
            # past the settled and cancelled ones (most of the orders kept) that come first.
            models.Index(
                fields=["ex_factory_date", "id"],
                condition=models.Q(stage__in=ACTIVE_STAGES),
                name="order_open_ex_factory",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.po_number} / {self.style_no}"

    def get_absolute_url(self) -> str:
        return reverse("orders:detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if (
            self.ex_factory_date
            and self.customer_date
            and self.ex_factory_date > self.customer_date
        ):
            errors["ex_factory_date"] = _(
                "The ex-factory date must not be after the customer date."
            )
        if self.payment_terms == PaymentTerms.TELEGRAPHIC_TRANSFER:
            if not Decimal("0") <= (self.deposit_percent or 0) <= Decimal("100"):
                errors["deposit_percent"] = _("The deposit must be between 0 and 100 %.")
        elif self.deposit_percent:
            errors["deposit_percent"] = _("A deposit applies to T/T terms only.")
        if errors:
            raise ValidationError(errors)

    # ---- figures -------------------------------------------------------------------------
    @property
    def total_quantity(self) -> int:
        annotated = getattr(self, "annotated_quantity", None)
        if annotated is not None:
            return annotated
        return sum(line.quantity for line in self.lines.all())

    @property
    def total_amount(self) -> Money:
        annotated = getattr(self, "annotated_amount", None)
        if annotated is None:
            annotated = sum((line.amount.amount for line in self.lines.all()), Decimal("0"))
        return Money(annotated, self.currency)

    @property
    def stage_in_lifecycle(self) -> int:
        stage = self.held_from if self.stage == Stage.ON_HOLD else self.stage
        return LIFECYCLE.index(stage) if stage in LIFECYCLE else -1

    @property
    def is_late(self) -> bool:
        return self.stage in NOT_YET_SHIPPED_STAGES and self.ex_factory_date < timezone.localdate()

    # ---- the state machine ---------------------------------------------------------------
    @transition(
        field=stage,
        source=Stage.RECEIVED,
        target=Stage.IN_REVIEW,
        conditions=[gates_met("submit_for_review")],
        permission=permissions.can_submit,
    )
    def submit_for_review(self) -> None:
        self.review_round += 1

    @transition(
        field=stage,
        source=Stage.IN_REVIEW,
        target=Stage.RECEIVED,
        permission=permissions.can_review,
    )
    def return_for_changes(self) -> None:
        """A rejection in the approval chain sends the order back with the reason."""

    @transition(
        field=stage,
        source=Stage.IN_REVIEW,
        target=Stage.APPROVED,
        conditions=[gates_met("approve")],
        permission=permissions.can_review,
    )
    def approve(self) -> None:
        pass

    @transition(
        field=stage,
        source=Stage.APPROVED,
        target=Stage.IN_PRODUCTION,
        conditions=[gates_met("start_production")],
        permission=permissions.can_drive_order,
    )
    def start_production(self) -> None:
        pass

    @transition(
        field=stage,
        source=Stage.IN_PRODUCTION,
        target=Stage.INSPECTION,
        conditions=[gates_met("start_inspection")],
        permission=permissions.can_inspect,
    )
    def start_inspection(self) -> None:
        pass

    @transition(
        field=stage,
        source=Stage.INSPECTION,
        target=Stage.SHIPPING,
        conditions=[gates_met("ship")],
        permission=permissions.can_drive_order,
    )
    def ship(self) -> None:
        pass

    @transition(
        field=stage,
        source=Stage.SHIPPING,
        target=Stage.SETTLED,
        conditions=[gates_met("settle")],
        permission=permissions.can_settle,
    )
    def settle(self) -> None:
        pass

    @transition(
        field=stage,
        source=CANCELLABLE_STAGES,
        target=Stage.CANCELLED,
        permission=permissions.can_cancel,
    )
    def cancel(self, reason: str) -> None:
        self.cancel_reason = reason

    @transition(
        field=stage,
        source=ACTIVE_STAGES,
        target=Stage.ON_HOLD,
        permission=permissions.can_drive_order,
    )
    def hold(self) -> None:
        self.held_from = self.stage

    @transition(
        field=stage,
        source=Stage.ON_HOLD,
        target=RETURN_VALUE(*ACTIVE_STAGES),
        permission=permissions.can_drive_order,
    )
    def resume(self) -> str:
        previous, self.held_from = self.held_from, ""
        return previous


class OrderLine(models.Model):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order")
    )
    colour = models.CharField(_("colour"), max_length=80)
    size_breakdown = models.JSONField(
        _("size breakdown"),
        default=dict,
        blank=True,
        help_text=_("Pieces per size, e.g. S:100, M:200."),
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=4)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.colour}: {self.quantity}"

    @property
    def is_cancelled(self) -> bool:
        """A line cancelled by a change request keeps its row, with nothing left to make."""
        return self.quantity == 0

    def clean(self) -> None:
        if self.size_breakdown and sum(self.size_breakdown.values()) != self.quantity:
            raise ValidationError(
                {"quantity": _("The quantity must equal the sum of the size breakdown.")}
            )
        if self.unit_price is not None and self.unit_price < 0:
            raise ValidationError({"unit_price": _("The unit price cannot be negative.")})

    @property
    def amount(self) -> Money:
        return Money((self.unit_price or Decimal("0")) * self.quantity, self.order.currency)


def annotate_totals(queryset):
    """Add the order's total quantity and amount (used by list selectors). Each is a subquery
    over the order's own lines, not a join grouped over every order: a page of 25 orders sums
    the lines of those 25, and its count and its ORDER BY ... LIMIT never touch the lines."""
    lines = OrderLine.objects.filter(order=OuterRef("pk")).order_by().values("order")
    return queryset.annotate(
        annotated_quantity=Subquery(lines.annotate(total=Sum("quantity")).values("total")),
        annotated_amount=Subquery(
            lines.annotate(
                total=Sum(
                    F("quantity") * F("unit_price"),
                    output_field=models.DecimalField(max_digits=18, decimal_places=4),
                )
            ).values("total")
        ),
    )
