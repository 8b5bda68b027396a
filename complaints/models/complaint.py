"""The customer's complaint and its handling report (產品投訴處理報告, R16)."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from complaints import permissions
from complaints.choices import (
    COMPLAINT_STATUS_COLOURS,
    AttachmentKind,
    ComplaintKind,
    ComplaintStatus,
    Fault,
    Remedy,
)
from orders.choices import Currency
from orders.lifecycle import Lifecycle, on_order
from orders.models.fields import StatusBadge, user_fk
from orders.money import Money
from orders.uploads import UploadValidator

COMPLAINT_FORM = "F-CMP-001"


class Complaint(StatusBadge, Lifecycle, models.Model):
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="complaints", verbose_name=_("order")
    )
    shipment = models.ForeignKey(
        "shipping.FreightBooking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("shipment"),
    )
    inspection = models.ForeignKey(
        "shipping.InspectionReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("inspection"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ComplaintKind.choices)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    description = models.TextField(_("customer's description"))
    quantity_affected = models.PositiveIntegerField(_("quantity affected (pcs)"), default=0)
    measured_weight_kg = models.DecimalField(
        _("weight measured by the customer (kg)"),
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Required for short-shipment complaints, so production can check it (R16)."),
    )
    status = FSMField(
        _("status"),
        max_length=20,
        choices=ComplaintStatus.choices,
        default=ComplaintStatus.AWAITING_APPROVAL,
        db_index=True,
        protected=True,
    )
    filed_by = user_fk(_("filed by"))
    filed_at = models.DateTimeField(_("filed at"), default=timezone.now)

    approved_by = user_fk(_("approved by"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approval_comment = models.TextField(_("approval comment"), blank=True)

    cause = models.TextField(_("analysed cause"), blank=True)
    corrective_action = models.TextField(_("corrective action"), blank=True)
    fault = models.CharField(_("fault"), max_length=10, choices=Fault.choices, blank=True)
    analysed_by = user_fk(_("analysed by"), null=True, blank=True)
    analysed_at = models.DateTimeField(_("analysed at"), null=True, blank=True)

    reply_text = models.TextField(_("reply to the customer"), blank=True)
    reply_document = models.FileField(
        _("reply letter"),
        upload_to="complaints/replies/%Y/%m/",
        blank=True,
        validators=[UploadValidator("document")],
    )
    remedy = models.CharField(_("remedy"), max_length=12, choices=Remedy.choices, blank=True)
    replied_by = user_fk(_("replied by"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    remedy_shipped_on = models.DateField(
        _("rework / replacement shipped on"), null=True, blank=True
    )
    remedy_reference = models.CharField(_("shipment reference"), max_length=120, blank=True)
    remedy_recorded_by = user_fk(_("shipment recorded by"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    status_colours = COMPLAINT_STATUS_COLOURS

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["received_on", "id"]
        indexes = [models.Index(fields=["status", "received_on"])]

    def __str__(self) -> str:
        return f"{self.number} · {self.order}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"CMP-{self.pk:05d}" if self.pk else "CMP-?"

    def age_days(self, today=None) -> int:
        """Days since the customer complained; a closed complaint stops ageing."""
        end = (
            timezone.localdate(self.closed_at) if self.closed_at else today or timezone.localdate()
        )
        return (end - self.received_on).days

    @property
    def age(self) -> int:
        return self.age_days()

    # ---- the lifecycle (R16): report -> a leader approves -> QA analyses -> the merchandiser --
    # ---- replies -> rework or replacement shipped -> closed (closed at once without remedy) --
    @transition(
        field=status,
        source=ComplaintStatus.AWAITING_APPROVAL,
        target=ComplaintStatus.AWAITING_ANALYSIS,
        permission=on_order(permissions.can_approve_report),
    )
    def approve(self, *, by, at, comment: str) -> None:
        self.approved_by, self.approved_at, self.approval_comment = by, at, comment

    @transition(
        field=status,
        source=ComplaintStatus.AWAITING_ANALYSIS,
        target=ComplaintStatus.AWAITING_REPLY,
        permission=on_order(permissions.can_analyse),
    )
    def analyse(self, *, by, at, cause: str, corrective_action: str, fault: str) -> None:
        self.cause, self.corrective_action, self.fault = cause, corrective_action, fault
        self.analysed_by, self.analysed_at = by, at

    @transition(
        field=status,
        source=ComplaintStatus.AWAITING_REPLY,
        target=RETURN_VALUE(ComplaintStatus.REMEDY_IN_PROGRESS, ComplaintStatus.CLOSED),
        permission=on_order(permissions.can_reply),
    )
    def reply(self, *, by, at, remedy: str, reply_text: str) -> str:
        """Without rework or replacement the reply closes the complaint."""
        self.reply_text, self.remedy, self.replied_by, self.replied_at = reply_text, remedy, by, at
        if remedy == Remedy.NONE:
            self.closed_at = at
            return ComplaintStatus.CLOSED
        return ComplaintStatus.REMEDY_IN_PROGRESS

    @transition(
        field=status,
        source=ComplaintStatus.REMEDY_IN_PROGRESS,
        target=ComplaintStatus.CLOSED,
        permission=on_order(permissions.can_reply),
    )
    def ship_remedy(self, *, by, at, shipped_on, reference: str) -> None:
        self.remedy_shipped_on, self.remedy_reference = shipped_on, reference
        self.remedy_recorded_by, self.closed_at = by, at


class ComplaintAttachment(models.Model):
    """The customer's photos (breakage, defects), carton labels, delivery lists, letters."""

    complaint = models.ForeignKey(
        Complaint,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("complaint"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    file = models.FileField(
        _("file"),
        upload_to="complaints/attachments/%Y/%m/",
        validators=[UploadValidator("document")],
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = user_fk(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("complaint attachment")
        verbose_name_plural = _("complaint attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.file.name


class FactoryClaim(models.Model):
    """A claim against the factory for a complaint that QA found to be the factory's fault;
    its amount reaches the order's settlement as a shipping Deduction."""

    complaint = models.OneToOneField(
        Complaint,
        on_delete=models.CASCADE,
        related_name="factory_claim",
        verbose_name=_("complaint"),
    )
    factory = models.ForeignKey(
        "suppliers.Factory",
        on_delete=models.PROTECT,
        related_name="complaint_claims",
        verbose_name=_("factory"),
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    reason = models.TextField(_("reason"))
    deduction = models.OneToOneField(
        "shipping.Deduction",
        on_delete=models.PROTECT,
        related_name="factory_claim",
        verbose_name=_("deduction"),
    )
    raised_by = user_fk(_("raised by"))
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)

    class Meta:
        verbose_name = _("claim against a factory")
        verbose_name_plural = _("claims against factories")
        ordering = ["raised_at", "id"]

    def __str__(self) -> str:
        return f"{self.factory} {self.money}"

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)
