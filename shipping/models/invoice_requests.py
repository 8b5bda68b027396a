"""R34: the invoice request (開票申請單). The merchandiser raises it for a shipment; it is approved
level by level as the admin configures the levels; then finance issues the commercial invoice,
which is refused without an approved request."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, FSMField, transition

from orders.choices import Currency
from orders.lifecycle import Lifecycle
from orders.models.fields import StatusBadge, user_fk
from orders.money import Money
from orders.roles import Role
from shipping import permissions
from shipping.choices import INVOICE_REQUEST_COLOURS, InvoiceRequestStatus


class InvoiceApprovalLevel(models.Model):
    """One level of the invoice request's approval, in the order of `position` (the admin
    sets them)."""

    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    role = models.CharField(_("approved by"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("invoice approval level")
        verbose_name_plural = _("invoice approval levels")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.position}. {self.get_role_display()}"


def configured_roles() -> list[str]:
    return list(InvoiceApprovalLevel.objects.order_by("position").values_list("role", flat=True))


class InvoiceRequest(StatusBadge, Lifecycle, models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="invoice_requests",
        verbose_name=_("order"),
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    note = models.TextField(_("note"), blank=True)
    # The levels as configured when it was raised: a later change in the admin does not alter
    # what a request already waiting needs.
    approval_roles = models.JSONField(_("approval levels"), default=list)
    status = FSMField(
        _("status"),
        default=InvoiceRequestStatus.REQUESTED,
        choices=InvoiceRequestStatus.choices,
        protected=True,
        db_index=True,
    )
    raised_by = user_fk(_("raised by"))
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    refused_by = user_fk(_("refused by"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    invoiced_by = user_fk(_("invoiced by"), null=True, blank=True)
    invoiced_at = models.DateTimeField(_("invoiced at"), null=True, blank=True)

    status_colours = INVOICE_REQUEST_COLOURS

    class Meta:
        verbose_name = _("invoice request")
        verbose_name_plural = _("invoice requests")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=Q(status__in=["requested", "approved"]),
                name="one_open_invoice_request_per_order",
            )
        ]

    def __str__(self) -> str:
        return f"{_('Invoice request')} {self.order}"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()

    @property
    def money(self) -> Money:
        return Money(Decimal(self.amount), self.currency)

    @property
    def approved_levels(self) -> int:
        return len(self.approvals.all())

    @property
    def next_role(self) -> str | None:
        """The role whose signature the request waits for, or None."""
        if self.status != InvoiceRequestStatus.REQUESTED:
            return None
        done = self.approved_levels
        return self.approval_roles[done] if done < len(self.approval_roles) else None

    @property
    def next_role_label(self) -> str:
        return str(Role(self.next_role).label) if self.next_role else ""

    @transition(
        field=status,
        source=InvoiceRequestStatus.REQUESTED,
        target=RETURN_VALUE(InvoiceRequestStatus.REQUESTED, InvoiceRequestStatus.APPROVED),
        permission=permissions.can_approve_invoice_request,
    )
    def approve(self) -> str:
        """One level signs (the service records its InvoiceApproval); the last one approves."""
        last = self.approved_levels + 1 >= len(self.approval_roles)
        return InvoiceRequestStatus.APPROVED if last else InvoiceRequestStatus.REQUESTED

    @transition(
        field=status,
        source=InvoiceRequestStatus.REQUESTED,
        target=InvoiceRequestStatus.REFUSED,
        permission=permissions.can_approve_invoice_request,
    )
    def refuse(self, user, reason: str) -> None:
        self.refused_by, self.refusal_reason = user, reason

    @transition(
        field=status,
        source=InvoiceRequestStatus.APPROVED,
        target=InvoiceRequestStatus.INVOICED,
        permission=permissions.can_invoice_request,
    )
    def invoice(self, user, when) -> None:
        self.invoiced_by, self.invoiced_at = user, when


class InvoiceApproval(models.Model):
    """One level's signature on the request: who, when, with what comment."""

    request = models.ForeignKey(
        InvoiceRequest,
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("invoice request"),
    )
    position = models.PositiveSmallIntegerField(_("level"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    approved_by = user_fk(_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("invoice request approval")
        verbose_name_plural = _("invoice request approvals")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "position"], name="one_signature_per_invoice_level"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.approved_by}"
