"""What clears the credit gate besides the money itself (R20): a salesperson's guarantee that a
manager approves, or the general manager's exception with its reason."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.credit import permissions
from orders.credit.choices import GUARANTEE_STATUS_COLOURS, GuaranteeStatus
from orders.models.fields import StatusBadge, user_fk


class CreditGuarantee(StatusBadge, models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="credit_guarantees",
        verbose_name=_("order"),
    )
    salesperson = user_fk(_("salesperson"))
    note = models.TextField(_("why the salesperson guarantees it"))
    status = FSMField(
        _("status"),
        default=GuaranteeStatus.REQUESTED,
        choices=GuaranteeStatus.choices,
        protected=True,
        db_index=True,
    )
    recorded_by = user_fk(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    decided_by = user_fk(_("decided by"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = models.TextField(_("comment"), blank=True)

    status_colours = GUARANTEE_STATUS_COLOURS

    class Meta:
        verbose_name = _("salesperson's guarantee")
        verbose_name_plural = _("salespeople's guarantees")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"],
                condition=models.Q(status="requested"),
                name="one_open_guarantee_per_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.order} · {self.salesperson}"

    @transition(
        field=status,
        source=GuaranteeStatus.REQUESTED,
        target=GuaranteeStatus.APPROVED,
        permission=permissions.can_decide_guarantee,
    )
    def approve(self, comment: str = "") -> None:
        self.decision_comment = comment

    @transition(
        field=status,
        source=GuaranteeStatus.REQUESTED,
        target=GuaranteeStatus.REFUSED,
        permission=permissions.can_decide_guarantee,
    )
    def refuse(self, reason: str) -> None:
        self.decision_comment = reason


class CreditException(models.Model):
    """The general manager lets the order through the credit gate anyway, with the reason."""

    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="credit_exceptions",
        verbose_name=_("order"),
    )
    granted_by = user_fk(_("granted by"))
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("credit exception")
        verbose_name_plural = _("credit exceptions")
        ordering = ["granted_at", "id"]

    def __str__(self) -> str:
        return f"{self.order} · {self.granted_by}"
