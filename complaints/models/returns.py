"""Customer returns (R17): the application (客戶退貨申請表), its lines, the sign-offs after the
goods arrive, the return note (退貨單), and goods that arrived without an approved application."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from complaints import permissions, rules
from complaints.choices import (
    RETURN_STATUS_COLOURS,
    ArrivalDecision,
    ReturnCause,
    ReturnStatus,
    SignOffStep,
)
from orders.lifecycle import Lifecycle, on_order
from orders.models.fields import StatusBadge, user_fk

RETURN_APPLICATION_FORM = "F-RET-001"
RETURN_NOTE_FORM = "F-RET-002"


class ReturnApplication(StatusBadge, Lifecycle, models.Model):
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="returns", verbose_name=_("order")
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="returns",
        verbose_name=_("complaint report"),
    )
    reasons = models.TextField(_("reasons for the return"))
    cause = models.CharField(_("cause"), max_length=10, choices=ReturnCause.choices)
    production_problem = models.BooleanField(
        _("production problem"),
        default=False,
        help_text=_("The goods come back because of a production problem (needs the complaint)."),
    )
    back_to_factory = models.BooleanField(
        _("goods go back to the factory"),
        default=False,
        help_text=_("Goods sent back to the factory need the general manager's approval."),
    )
    status = FSMField(
        _("status"),
        max_length=20,
        choices=ReturnStatus.choices,
        default=ReturnStatus.AWAITING_APPROVAL,
        db_index=True,
        protected=True,
    )
    applied_on = models.DateField(_("customer applied on"), default=timezone.localdate)
    created_by = user_fk(_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    decided_by = user_fk(_("decided by"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    handling = models.TextField(
        _("handling after the return"),
        blank=True,
        help_text=_("What happens to the goods once back (the leader states it)."),
    )
    customer_notified_at = models.DateTimeField(
        _("customer told to ship on"), null=True, blank=True
    )

    received_by = user_fk(_("received by"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    receipt_differences = models.TextField(_("differences found on receipt"), blank=True)

    note_number = models.CharField(_("return note no."), max_length=30, blank=True)
    note_issued_by = user_fk(_("return note issued by"), null=True, blank=True)
    note_issued_at = models.DateTimeField(_("return note issued at"), null=True, blank=True)

    status_colours = RETURN_STATUS_COLOURS

    class Meta:
        verbose_name = _("customer return application")
        verbose_name_plural = _("customer return applications")
        ordering = ["-applied_on", "-id"]
        permissions = [
            ("sign_as_warehouse_head", _("Can sign received returns as the warehouse head")),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.order}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:return_detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"RET-{self.pk:05d}" if self.pk else "RET-?"

    @property
    def is_approved(self) -> bool:
        return self.decided_at is not None and self.status != ReturnStatus.REFUSED

    @property
    def total_quantity(self) -> int:
        return sum(line.quantity for line in self.lines.all())

    # ---- the lifecycle (R17): a leader approves or refuses -> the warehouse receives -> five --
    # ---- sign in order -> finance issues the return note ------------------------------------
    @transition(
        field=status,
        source=ReturnStatus.AWAITING_APPROVAL,
        target=ReturnStatus.APPROVED,
        permission=rules.r17_may_approve,
    )
    def approve(self, *, by, at, reason: str, handling: str) -> None:
        self.decided_by, self.decided_at = by, at
        self.decision_reason, self.handling = reason, handling

    @transition(
        field=status,
        source=ReturnStatus.AWAITING_APPROVAL,
        target=ReturnStatus.REFUSED,
        permission=on_order(permissions.can_decide_return),
    )
    def refuse(self, *, by, at, reason: str) -> None:
        self.decided_by, self.decided_at, self.decision_reason = by, at, reason

    @transition(
        field=status,
        source=ReturnStatus.APPROVED,
        target=ReturnStatus.RECEIVED,
        permission=on_order(permissions.can_receive_return),
    )
    def receive(self, *, by, at, differences: str) -> None:
        self.received_by, self.received_at, self.receipt_differences = by, at, differences

    @transition(
        field=status,
        source=ReturnStatus.RECEIVED,
        target=ReturnStatus.SIGNED_OFF,
        conditions=[rules.r17_all_signed],
        permission=rules.r17_may_sign_last,
    )
    def complete_sign_offs(self) -> None:
        """The last signature is in: the return waits for finance's return note."""

    @transition(
        field=status,
        source=ReturnStatus.SIGNED_OFF,
        target=ReturnStatus.CLOSED,
        permission=on_order(permissions.can_issue_return_note),
    )
    def issue_note(self, *, by, at, number: str) -> None:
        self.note_number, self.note_issued_by, self.note_issued_at = number, by, at


class ReturnLine(models.Model):
    application = models.ForeignKey(
        ReturnApplication,
        on_delete=models.CASCADE,
        related_name="lines",
        verbose_name=_("return application"),
    )
    style_no = models.CharField(_("style no."), max_length=60)
    colour = models.CharField(_("colour"), max_length=80)
    size = models.CharField(_("size"), max_length=20, blank=True)
    quantity = models.PositiveIntegerField(_("quantity applied for"))
    received_quantity = models.PositiveIntegerField(_("quantity received"), null=True, blank=True)

    class Meta:
        verbose_name = _("return line")
        verbose_name_plural = _("return lines")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.style_no} {self.colour} {self.size}: {self.quantity}"

    @property
    def difference(self) -> int | None:
        if self.received_quantity is None:
            return None
        return self.received_quantity - self.quantity


class ReturnSignOff(models.Model):
    application = models.ForeignKey(
        ReturnApplication,
        on_delete=models.CASCADE,
        related_name="sign_offs",
        verbose_name=_("return application"),
    )
    step = models.CharField(_("step"), max_length=20, choices=SignOffStep.choices)
    signed_by = user_fk(_("signed by"))
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("return sign-off")
        verbose_name_plural = _("return sign-offs")
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "step"], name="one_sign_off_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.signed_by}"


class UnannouncedArrival(models.Model):
    """Goods a customer sent back without an approved application: what arrived, and who
    refused (or, exceptionally, accepted) them."""

    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="unannounced_returns",
        verbose_name=_("order"),
    )
    application = models.ForeignKey(
        ReturnApplication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="unannounced_arrivals",
        verbose_name=_("unapproved application"),
    )
    arrived_on = models.DateField(_("arrived on"), default=timezone.localdate)
    goods = models.TextField(_("what arrived"))
    quantity = models.PositiveIntegerField(_("pieces"), default=0)
    waybill = models.CharField(_("carrier / waybill"), max_length=120, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=ArrivalDecision.choices)
    reason = models.TextField(_("reason"))
    decided_by = user_fk(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("unannounced returned goods")
        verbose_name_plural = _("unannounced returned goods")
        ordering = ["-arrived_on", "-id"]

    def __str__(self) -> str:
        return f"{self.order} {self.arrived_on} {self.get_decision_display()}"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()
