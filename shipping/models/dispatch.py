"""R15: one dispatch of an order, from the stock preparation slip (備貨單) to the delivery note
(送貨單) and waybill at the customer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.lifecycle import Lifecycle
from shipping.choices import DISPATCH_STEP_ORDER, DispatchStep
from shipping.permissions import may_record

DELIVERY_NOTE_FORM = "SHP-DN"


class Dispatch(Lifecycle, models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="dispatches",
        verbose_name=_("order"),
    )
    number = models.CharField(_("slip no."), max_length=40, unique=True)
    status = FSMField(
        _("last step done"),
        max_length=20,
        choices=DispatchStep.choices,
        default=DispatchStep.SLIP_DRAWN,
        protected=True,
    )
    waybill = models.CharField(_("waybill no."), max_length=60, blank=True)
    carrier = models.CharField(_("carrier"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("drawn up at"), default=timezone.now)

    class Meta:
        verbose_name = _("dispatch (stock preparation slip)")
        verbose_name_plural = _("dispatches (stock preparation slips)")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()

    @property
    def next_step(self) -> str | None:
        index = DISPATCH_STEP_ORDER.index(self.status)
        return DISPATCH_STEP_ORDER[index + 1] if index + 1 < len(DISPATCH_STEP_ORDER) else None

    def get_next_step_display(self) -> str:
        return DispatchStep(self.next_step).label if self.next_step else ""

    def has_done(self, step: str) -> bool:
        return DISPATCH_STEP_ORDER.index(self.status) >= DISPATCH_STEP_ORDER.index(step)

    @property
    def shipped(self) -> bool:
        """Complete for the settle gate: the goods left with a waybill."""
        return self.has_done(DispatchStep.SHIPPED) and bool(self.waybill)

    # ---- the lifecycle (R15): each step in its order, each by its role ------------------------
    @transition(
        field=status,
        source=DispatchStep.SLIP_DRAWN,
        target=DispatchStep.PRICES_APPROVED,
        permission=may_record(DispatchStep.PRICES_APPROVED),
    )
    def approve_prices(self) -> None:
        """Sales administration approves the slip's prices."""

    @transition(
        field=status,
        source=DispatchStep.PRICES_APPROVED,
        target=DispatchStep.PREPARED,
        permission=may_record(DispatchStep.PREPARED),
    )
    def confirm_prepared(self) -> None:
        """The warehouse counted what it prepared (the lines carry the count)."""

    @transition(
        field=status,
        source=DispatchStep.PREPARED,
        target=DispatchStep.NOTE_PRINTED,
        permission=may_record(DispatchStep.NOTE_PRINTED),
    )
    def print_delivery_note(self) -> None:
        """Finance books the sale and prints the delivery note."""

    @transition(
        field=status,
        source=DispatchStep.NOTE_PRINTED,
        target=DispatchStep.NOTE_SIGNED,
        permission=may_record(DispatchStep.NOTE_SIGNED),
    )
    def sign_delivery_note(self) -> None:
        """Sales administration checks the delivery note's prices and signs."""

    @transition(
        field=status,
        source=DispatchStep.NOTE_SIGNED,
        target=DispatchStep.SHIPPED,
        permission=may_record(DispatchStep.SHIPPED),
    )
    def ship(self, *, waybill: str, carrier: str) -> None:
        self.waybill, self.carrier = waybill, carrier

    @transition(
        field=status,
        source=DispatchStep.SHIPPED,
        target=DispatchStep.SENT,
        permission=may_record(DispatchStep.SENT),
    )
    def send_to_customer(self) -> None:
        """The delivery note and the waybill went to the customer as the proof of receipt."""

    def totals(self) -> dict:
        lines = list(self.lines.all())
        return {
            "quantity": sum(line.quantity for line in lines),
            "cartons": sum(line.cartons for line in lines),
            "prepared_quantity": sum(line.prepared_quantity or 0 for line in lines),
            "prepared_cartons": sum(line.prepared_cartons or 0 for line in lines),
        }


class DispatchLine(models.Model):
    """One model/colour of the slip: what the slip asks for and what the warehouse prepared."""

    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.CASCADE, related_name="lines", verbose_name=_("dispatch")
    )
    order_line = models.ForeignKey(
        "orders.OrderLine",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("order line"),
    )
    model = models.CharField(_("model"), max_length=120)
    colour = models.CharField(_("colour"), max_length=80)
    quantity = models.PositiveIntegerField(_("quantity on the slip"))
    cartons = models.PositiveIntegerField(_("cartons on the slip"))
    unit_price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=4)
    prepared_quantity = models.PositiveIntegerField(_("quantity prepared"), null=True, blank=True)
    prepared_cartons = models.PositiveIntegerField(_("cartons prepared"), null=True, blank=True)

    class Meta:
        verbose_name = _("dispatch line")
        verbose_name_plural = _("dispatch lines")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.model} {self.colour} × {self.quantity}"

    @property
    def shipped_quantity(self) -> int:
        return self.quantity if self.prepared_quantity is None else self.prepared_quantity

    @property
    def shipped_cartons(self) -> int:
        return self.cartons if self.prepared_cartons is None else self.prepared_cartons

    @property
    def amount(self):
        return self.shipped_quantity * self.unit_price

    @property
    def differs(self) -> bool:
        return self.prepared_quantity is not None and (
            self.prepared_quantity != self.quantity or self.prepared_cartons != self.cartons
        )


class DispatchStepRecord(models.Model):
    """Who did each step, when, and what they said; written once by the services."""

    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.CASCADE, related_name="steps", verbose_name=_("dispatch")
    )
    step = models.CharField(_("step"), max_length=20, choices=DispatchStep.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    done_at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("dispatch step")
        verbose_name_plural = _("dispatch steps")
        ordering = ["done_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "step"], name="one_record_per_dispatch_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dispatch}: {self.get_step_display()}"
