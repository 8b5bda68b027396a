"""Change requests (R8) and contract amendments (R14): the state machine in one place."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from orders import permissions
from orders.changes.choices import (
    CHANGE_STATUS_COLOURS,
    OPEN_CHANGE_STATUSES,
    REOPENABLE_CHANGE_STATUSES,
    ChangeStatus,
    FactoryAnswer,
    Requester,
)
from orders.changes.diff import compute_diff
from orders.changes.registry import contributed_fields
from orders.changes.rules import required_change_steps
from orders.choices import ApprovalStep, Decision
from orders.models.fields import StatusBadge
from orders.models.order import Order


class ChangeRequest(StatusBadge, ConcurrentTransitionMixin, models.Model):
    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="change_requests", verbose_name=_("order")
    )
    number = models.PositiveIntegerField(_("number"))
    status = FSMField(
        _("status"),
        default=ChangeStatus.DRAFT,
        choices=ChangeStatus.choices,
        protected=True,
        db_index=True,
    )
    status_since = models.DateTimeField(_("in this status since"), auto_now_add=True)
    is_amendment = models.BooleanField(
        _("contract amendment (合同修改單)"),
        default=False,
        help_text=_("R14: a change to an order in production."),
    )
    requested_by = models.CharField(_("asked for by"), max_length=10, choices=Requester.choices)
    customer_reference = models.CharField(_("customer's document no."), max_length=80, blank=True)
    customer_reference_date = models.DateField(_("customer's document date"), null=True, blank=True)
    reason = models.TextField(_("reason and notes"), blank=True)
    # The contract as it stood when the request was drafted, and what the request proposes:
    # both as orders.changes.fields.contract_snapshot() writes them.
    base = models.JSONField(_("drafted on"), default=dict)
    proposed = models.JSONField(_("proposed"), default=dict)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    approval_round = models.PositiveIntegerField(_("approval round"), default=1)

    factory_answer = models.CharField(
        _("factory's answer"),
        max_length=10,
        choices=FactoryAnswer.choices,
        default=FactoryAnswer.PENDING,
    )
    factory_answer_by = models.CharField(_("answered by (factory)"), max_length=120, blank=True)
    factory_answer_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    factory_comment = models.TextField(_("factory's comment"), blank=True)
    factory_answer_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer recorded by"),
    )
    # R14: what the factory's production side confirmed as cut and made, per line id.
    production_figures = models.JSONField(_("cut and made (factory)"), default=dict, blank=True)

    customer_confirmed_by = models.CharField(
        _("confirmed by (customer's side)"), max_length=120, blank=True
    )
    customer_confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    customer_confirmation_reference = models.CharField(
        _("customer's confirmation (document no.)"), max_length=80, blank=True
    )
    customer_confirmation_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmation recorded by"),
    )

    closed_reason = models.TextField(_("reason"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    applied_revision = models.PositiveIntegerField(_("applied as revision"), null=True, blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied by"),
    )
    # The diff and the impact as they were when applied, rendered in each language.
    applied_record = models.JSONField(_("applied diff and impact"), default=dict, blank=True)

    status_colours = CHANGE_STATUS_COLOURS

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "number"], name="one_change_number_per_order")
        ]

    def __str__(self) -> str:
        return f"{self.order.po_number} CR-{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("orders:change_detail", args=[self.pk])

    @property
    def label(self) -> str:
        return f"CR-{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_CHANGE_STATUSES

    @property
    def base_revision(self) -> int:
        return self.base.get("revision", 0)

    # ---- conditions --------------------------------------------------------------------------
    def diff(self):
        """The diff of what the request proposes against what it was drafted on."""
        cached = getattr(self, "_diff", None)
        if cached is None:
            extra = {item.key: item for item in contributed_fields(self.order)}
            cached = self._diff = compute_diff(
                self.base, self.proposed, currency=self.order.currency, extra_specs=extra
            )
        return cached

    def has_changes(self) -> bool:
        return not self.diff().is_empty

    def factory_agreed(self) -> bool:
        return self.factory_answer == FactoryAnswer.AGREED

    def production_confirmed(self) -> bool:
        """R14: an amendment waits for the production side's written figures."""
        return not self.is_amendment or bool(self.production_figures)

    def money_diff(self):
        """The diff of the order's own fields and lines, without the contributed ones (trims,
        marks, packing: a query each): all R10's chain reads (payment terms, the amount)."""
        cached = getattr(self, "_money_diff", None)
        if cached is None:
            cached = self._money_diff = compute_diff(
                self.base, self.proposed, currency=self.order.currency
            )
        return cached

    def required_steps(self, *, thresholds=None) -> list[str]:
        return required_change_steps(
            self.order, self.proposed, self.money_diff(), thresholds=thresholds
        )

    def signed_steps(self) -> set[str]:
        return {
            a.step
            for a in self.approvals.all()
            if a.round == self.approval_round and a.decision == Decision.APPROVED
        }

    def next_step(self, *, thresholds=None) -> str | None:
        signed = self.signed_steps()
        required = self.required_steps(thresholds=thresholds)
        return next((step for step in required if step not in signed), None)

    def approval_chain_complete(self) -> bool:
        return self.next_step() is None

    # ---- the state machine -------------------------------------------------------------------
    @transition(
        field=status,
        source=ChangeStatus.DRAFT,
        target=ChangeStatus.SENT_TO_FACTORY,
        conditions=[has_changes],
        permission=permissions.can_drive_change,
    )
    def send_to_factory(self) -> None:
        self.factory_answer = FactoryAnswer.PENDING

    @transition(
        field=status,
        source=ChangeStatus.SENT_TO_FACTORY,
        target=ChangeStatus.CUSTOMER_CONFIRMED,
        conditions=[factory_agreed, production_confirmed],
        permission=permissions.can_drive_change,
    )
    def confirm_customer(self) -> None:
        """R8: the factory is told to go ahead only after the customer confirms."""

    @transition(
        field=status,
        source=ChangeStatus.CUSTOMER_CONFIRMED,
        target=ChangeStatus.APPROVED,
        conditions=[approval_chain_complete],
        permission=permissions.can_sign_change,
    )
    def approve(self) -> None:
        """R8: approved at the level that approved the original contract."""

    @transition(
        field=status,
        source=ChangeStatus.APPROVED,
        target=ChangeStatus.APPLIED,
        conditions=[approval_chain_complete],
        permission=permissions.can_drive_change,
    )
    def apply(self) -> None:
        pass

    @transition(
        field=status,
        source=OPEN_CHANGE_STATUSES,
        target=ChangeStatus.REFUSED,
        permission=permissions.can_refuse_change,
    )
    def refuse(self, reason: str) -> None:
        self.closed_reason = reason

    @transition(
        field=status,
        source=OPEN_CHANGE_STATUSES,
        target=ChangeStatus.WITHDRAWN,
        permission=permissions.can_drive_change,
    )
    def withdraw(self, reason: str) -> None:
        self.closed_reason = reason

    @transition(
        field=status,
        source=REOPENABLE_CHANGE_STATUSES,
        target=ChangeStatus.DRAFT,
        permission=permissions.can_drive_change,
    )
    def reopen(self) -> None:
        """Back to draft, to revise it or refresh it: the answers and signatures given so far
        stay on record but must be given again."""
        self.approval_round += 1
        self.factory_answer = FactoryAnswer.PENDING
        self.production_figures = {}
        self.customer_confirmed_by = ""
        self.customer_confirmed_on = None
        self.customer_confirmation_reference = ""


class ChangeApproval(models.Model):
    """One signature of the R10 chain on a change request, for one approval round."""

    change = models.ForeignKey(
        ChangeRequest,
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("change request"),
    )
    round = models.PositiveIntegerField(_("round"))
    step = models.CharField(_("step"), max_length=20, choices=ApprovalStep.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("change approval")
        verbose_name_plural = _("change approvals")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["change", "round", "step"],
                condition=models.Q(decision="approved"),
                name="one_change_approval_per_step_and_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.change} {self.get_step_display()}: {self.get_decision_display()}"
