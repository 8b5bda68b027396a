"""R32 work memos (工作聯絡函): a change that concerns other departments but not the contract
(carton labels, packaging, a booking moved), addressed to roles, each of which acknowledges it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from orders import permissions
from orders.models.fields import StatusBadge
from orders.models.order import Order
from orders.roles import Role


class MemoStatus(models.TextChoices):
    OPEN = "open", _("Waiting for acknowledgement")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by all")
    WITHDRAWN = "withdrawn", _("Withdrawn")


MEMO_STATUS_COLOURS = {
    MemoStatus.OPEN: "orange",
    MemoStatus.ACKNOWLEDGED: "green",
    MemoStatus.WITHDRAWN: "grey",
}


class WorkMemo(StatusBadge, ConcurrentTransitionMixin, models.Model):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="work_memos", verbose_name=_("order")
    )
    number = models.PositiveIntegerField(_("number"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("what changes, and what each department does"))
    addressed_to = models.JSONField(_("addressed to"), default=list)  # Role values
    status = FSMField(
        _("status"),
        default=MemoStatus.OPEN,
        choices=MemoStatus.choices,
        protected=True,
        db_index=True,
    )
    status_since = models.DateTimeField(_("in this status since"), auto_now_add=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)
    withdrawn_reason = models.TextField(_("reason"), blank=True)

    status_colours = MEMO_STATUS_COLOURS

    class Meta:
        verbose_name = _("work memo")
        verbose_name_plural = _("work memos")
        ordering = ["-written_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "number"], name="one_memo_number_per_order")
        ]

    def __str__(self) -> str:
        return f"{self.order.po_number} WM-{self.number}: {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("orders:detail", args=[self.order_id]) + f"#memo-{self.pk}"

    @property
    def label(self) -> str:
        return f"WM-{self.number}"

    def addressee_labels(self) -> list:
        return [Role(role).label for role in self.addressed_to if role in Role.values]

    def acknowledged_roles(self) -> set[str]:
        return {ack.role for ack in self.acknowledgements.all()}

    def waiting_roles(self) -> list[str]:
        done = self.acknowledged_roles()
        return [role for role in self.addressed_to if role not in done]

    # ---- conditions --------------------------------------------------------------------------
    def all_acknowledged(self) -> bool:
        return not self.waiting_roles()

    # ---- the state machine -------------------------------------------------------------------
    @transition(
        field=status,
        source=MemoStatus.OPEN,
        target=MemoStatus.ACKNOWLEDGED,
        conditions=[all_acknowledged],
        permission=permissions.can_acknowledge_memo,
    )
    def close(self) -> None:
        """The last addressee's acknowledgement closes the memo."""

    @transition(
        field=status,
        source=MemoStatus.OPEN,
        target=MemoStatus.WITHDRAWN,
        permission=permissions.can_write_memo,
    )
    def withdraw(self, reason: str) -> None:
        self.withdrawn_reason = reason


class WorkMemoAcknowledgement(models.Model):
    """One addressed department's acknowledgement, given by one of its people."""

    memo = models.ForeignKey(
        WorkMemo,
        on_delete=models.CASCADE,
        related_name="acknowledgements",
        verbose_name=_("work memo"),
    )
    role = models.CharField(_("department"), max_length=30, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("work memo acknowledgement")
        verbose_name_plural = _("work memo acknowledgements")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "role"], name="one_acknowledgement_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.memo.label} {self.get_role_display()}"
