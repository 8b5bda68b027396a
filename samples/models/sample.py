"""A sample round: one request to the factory for one type of sample, and its pieces (R22)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from orders.lifecycle import Lifecycle
from orders.models import Order
from orders.models.fields import StatusBadge
from samples import rules
from samples.choices import (
    DECIDED_STATUSES,
    SAMPLE_STATUS_COLOURS,
    DecidedBy,
    Recipient,
    SampleStatus,
    SampleType,
    Severity,
)


class SampleRequest(StatusBadge, Lifecycle, models.Model):
    """One round of one sample type; a new round repeats the check and the old ones stay."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="samples", verbose_name=_("order")
    )
    style_no = models.CharField(_("style no."), max_length=60)
    sample_type = models.CharField(_("type"), max_length=10, choices=SampleType.choices)
    round_no = models.PositiveIntegerField(_("round"))
    status = FSMField(
        _("status"),
        max_length=20,
        choices=SampleStatus.choices,
        default=SampleStatus.REQUESTED,
        db_index=True,
        protected=True,
    )
    requested_on = models.DateField(_("requested from the factory on"))
    due_on = models.DateField(_("due from the factory"), null=True, blank=True)
    received_on = models.DateField(_("received from the factory on"), null=True, blank=True)
    sent_on = models.DateField(_("sent to the customer on"), null=True, blank=True)
    instructions = models.TextField(_("instructions to the factory"), blank=True)
    customer_comments = models.TextField(_("customer's comments"), blank=True)
    construction_remarks = models.TextField(_("construction remarks"), blank=True)
    wash_remarks = models.TextField(_("wash remarks"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision recorded by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_source = models.CharField(
        _("decided by"), max_length=10, choices=DecidedBy.choices, blank=True
    )
    decision_comment = models.TextField(_("reason / customer's words"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    status_colours = SAMPLE_STATUS_COLOURS

    class Meta:
        verbose_name = _("sample round")
        verbose_name_plural = _("sample rounds")
        ordering = ["order", "sample_type", "round_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "sample_type", "round_no"], name="one_round_number_per_type"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order.po_number} {self.get_sample_type_display()} #{self.round_no}"

    def get_absolute_url(self) -> str:
        return reverse("samples:detail", args=[self.pk])

    @property
    def is_checkable(self) -> bool:
        return self.status in rules.CHECKABLE_STATUSES

    @property
    def may_be_sent(self) -> bool:
        return self.status in rules.SENDABLE_STATUSES

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATUSES

    # ---- the lifecycle (R4): requested -> received -> checked -> sent to the customer ---------
    # ---- -> approved | rejected; a rejected round is followed by a new round ---------------
    @transition(
        field=status,
        source=SampleStatus.REQUESTED,
        target=SampleStatus.RECEIVED,
        permission=rules.may_work_on_sample,
    )
    def receive(self, *, on) -> None:
        self.received_on = on

    @transition(
        field=status,
        source=rules.CHECKABLE_STATUSES,
        target=RETURN_VALUE(SampleStatus.CHECKED, SampleStatus.SENT_TO_CUSTOMER),
        conditions=[rules.r4_check_not_final],
        permission=rules.may_work_on_sample,
    )
    def record_check(self, *, by, at) -> str:
        """A first check moves the round on; a re-check leaves it where it was."""
        self.checked_by, self.checked_at = by, at
        return SampleStatus.CHECKED if self.status == SampleStatus.RECEIVED else self.status

    @transition(
        field=status,
        source=rules.SENDABLE_STATUSES,
        target=SampleStatus.SENT_TO_CUSTOMER,
        permission=rules.may_work_on_sample,
    )
    def send_to_customer(self, *, on) -> None:
        self.sent_on = on

    @transition(
        field=status,
        source=rules.CHECKABLE_STATUSES,
        target=SampleStatus.APPROVED,
        conditions=[rules.r4_nothing_to_correct],
        permission=rules.may_work_on_sample,
    )
    def approve(self, *, by, at, source: str, comment: str) -> None:
        self._decide(by, at, source, comment)

    @transition(
        field=status,
        source=rules.CHECKABLE_STATUSES,
        target=SampleStatus.REJECTED,
        permission=rules.may_work_on_sample,
    )
    def reject(self, *, by, at, source: str, comment: str) -> None:
        self._decide(by, at, source, comment)

    def _decide(self, by, at, source: str, comment: str) -> None:
        self.decided_by, self.decided_at = by, at
        self.decision_source, self.decision_comment = source, comment

    @property
    def quantity(self) -> int:
        return sum(piece.quantity for piece in self.pieces.all())

    @property
    def must_correct_count(self) -> int:
        return sum(1 for d in self.discrepancies.all() if d.severity == Severity.MUST_CORRECT)


class SamplePiece(models.Model):
    """Who keeps how many pieces of the round (R22: customer, our file / QC, factory)."""

    sample = models.ForeignKey(
        SampleRequest, on_delete=models.CASCADE, related_name="pieces", verbose_name=_("sample")
    )
    recipient = models.CharField(_("for"), max_length=10, choices=Recipient.choices)
    quantity = models.PositiveIntegerField(_("pieces"), default=1)

    class Meta:
        verbose_name = _("sample pieces")
        verbose_name_plural = _("sample pieces")
        ordering = ["sample", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "recipient"], name="one_row_per_recipient"),
        ]

    def __str__(self) -> str:
        return f"{self.get_recipient_display()}: {self.quantity}"
