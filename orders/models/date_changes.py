"""Delivery-date changes (R6): asked by one side, in force only with the other side's consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders import permissions
from orders.lifecycle import Lifecycle
from orders.models.order import Order
from orders.planning.choices import DateChangeKind, DateChangeStatus, Party
from orders.planning.rules import r6_consenting_party


def may_decide_date_change(change, user) -> bool:
    return permissions.can_edit(change.order, user)


class DateChangeRequest(Lifecycle, models.Model):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="date_changes", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DateChangeKind.choices)
    requested_by = models.CharField(
        _("asked by"),
        max_length=10,
        choices=[(Party.FACTORY, Party.FACTORY.label), (Party.CUSTOMER, Party.CUSTOMER.label)],
    )
    current_date = models.DateField(_("date before the change"))
    proposed_date = models.DateField(_("proposed date"))
    reason = models.TextField(_("reason"))
    responsible = models.CharField(_("responsible"), max_length=10, choices=Party.choices)
    status = FSMField(
        _("status"),
        max_length=10,
        choices=DateChangeStatus.choices,
        default=DateChangeStatus.PROPOSED,
        db_index=True,
        protected=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("what the other side said"), blank=True)

    class Meta:
        verbose_name = _("delivery-date change")
        verbose_name_plural = _("delivery-date changes")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The KPIs count the changes recorded in a period.
            models.Index(fields=["created_at"], name="date_change_created"),
            # The lateness report's latest agreed changes, newest first, read off the index.
            models.Index(fields=["decided_at", "id"], name="date_change_decided"),
        ]

    def __str__(self) -> str:
        return f"{self.order}: {self.current_date:%Y-%m-%d} → {self.proposed_date:%Y-%m-%d}"

    @property
    def consenting_party(self) -> str:
        return r6_consenting_party(self.requested_by)

    @property
    def days_moved(self) -> int:
        return (self.proposed_date - self.current_date).days

    # ---- the lifecycle (R6): proposed -> agreed | refused, by the consenting side's answer ------
    @transition(
        field=status,
        source=DateChangeStatus.PROPOSED,
        target=DateChangeStatus.AGREED,
        permission=may_decide_date_change,
    )
    def agree(self, *, by, at, note: str) -> None:
        """The other side consented: the order's dates change with it (the service applies them)."""
        self.decided_by, self.decided_at, self.decision_note = by, at, note

    @transition(
        field=status,
        source=DateChangeStatus.PROPOSED,
        target=DateChangeStatus.REFUSED,
        permission=may_decide_date_change,
    )
    def refuse(self, *, by, at, note: str) -> None:
        """The other side said no: the dates stay as they are."""
        self.decided_by, self.decided_at, self.decision_note = by, at, note
