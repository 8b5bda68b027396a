"""R13 intake: after the merchandiser's first review, PMC confirms capacity and replies a
delivery date by the next working afternoon; the customer's written reply uses that date."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.intake import permissions
from orders.intake.choices import (
    PMC_REPLY_STATUS_COLOURS,
    CommodityInspectionStep,
    PmcReplyStatus,
)
from orders.models.fields import StatusBadge, user_fk


class PmcReply(StatusBadge, models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="pmc_replies",
        verbose_name=_("order"),
    )
    requested_by = user_fk(_("asked by"))
    requested_at = models.DateTimeField(_("asked at"))
    request_note = models.TextField(_("merchandiser's first review"), blank=True)
    due_at = models.DateTimeField(_("reply due by"), db_index=True)
    status = FSMField(
        _("status"),
        default=PmcReplyStatus.WAITING,
        choices=PmcReplyStatus.choices,
        protected=True,
        db_index=True,
    )
    replied_by = user_fk(_("replied by"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    capacity_confirmed = models.BooleanField(_("capacity confirmed"), default=False)
    delivery_date = models.DateField(_("delivery date PMC replies"), null=True, blank=True)
    reply_note = models.TextField(_("PMC's note"), blank=True)

    status_colours = PMC_REPLY_STATUS_COLOURS

    class Meta:
        verbose_name = _("PMC delivery-date reply")
        verbose_name_plural = _("PMC delivery-date replies")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(status="waiting"),
                name="one_waiting_pmc_reply_per_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} · {self.get_status_display()}"

    @property
    def is_late(self) -> bool:
        late_at = self.replied_at or timezone.now()
        return late_at > self.due_at

    @transition(
        field=status,
        source=PmcReplyStatus.WAITING,
        target=PmcReplyStatus.REPLIED,
        permission=permissions.can_reply_delivery_date,
    )
    def reply(self, *, delivery_date, capacity_confirmed: bool, note: str) -> None:
        self.delivery_date = delivery_date
        self.capacity_confirmed = capacity_confirmed
        self.reply_note = note


class PoCountersignature(models.Model):
    """R29: a direct order's P/O, entered once the sales office signed the ORDER CONFIRMATION
    back, is countersigned by the sales office (營業部) before it is distributed (seed 000
    §5.9.4). The merchandiser records who signed it for the sales office and when."""

    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="po_countersignature",
        verbose_name=_("order"),
    )
    signed_by_name = models.CharField(_("countersigned by (sales office)"), max_length=120)
    signed_on = models.DateField(_("countersigned on"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = user_fk(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("P/O countersignature")
        verbose_name_plural = _("P/O countersignatures")

    def __str__(self) -> str:
        return f"{self.order} · {self.signed_by_name} {self.signed_on}"


class CommodityInspectionRecord(models.Model):
    """R33: one step of an order's commodity inspection (商檢) as it happened: the bureau's
    booking, its certificate, the customs booking, each with its number and date. Recording
    one completes its milestone of the plan."""

    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="commodity_inspection_records",
        verbose_name=_("order"),
    )
    step = models.CharField(_("step"), max_length=20, choices=CommodityInspectionStep.choices)
    number = models.CharField(_("booking, certificate or declaration no."), max_length=60)
    on = models.DateField(_("date"))
    recorded_by = user_fk(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("commodity inspection step")
        verbose_name_plural = _("commodity inspection steps")
        ordering = ["order", "recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "step"], name="one_commodity_inspection_record_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} · {self.get_step_display()} {self.number}"
