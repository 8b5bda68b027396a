from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.lifecycle import Lifecycle
from suppliers import rules
from suppliers.choices import CustomerDecisionReason, Decider, Decision
from suppliers.permissions import may_decide_submission


class Submission(Lifecycle, models.Model):
    """One round of something the factory submits for approval (a lab dip, a bulk swatch):
    who decided, the merchandiser or the customer, and why the customer when it was."""

    round = models.PositiveIntegerField(_("round"))
    submitted_on = models.DateField(_("submitted on"))
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    decision = FSMField(
        _("decision"),
        max_length=10,
        choices=Decision.choices,
        default=Decision.PENDING,
        protected=True,
    )
    decided_by_party = models.CharField(
        _("decided by"), max_length=12, choices=Decider.choices, blank=True
    )
    customer_reason = models.CharField(
        _("why the customer decided"),
        max_length=20,
        choices=CustomerDecisionReason.choices,
        blank=True,
    )
    comments = models.TextField(_("comments"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["round"]

    # ---- the lifecycle (R2): pending -> approved | rejected, once per round -------------------
    # (by name: each kind's own copy of the field carries the transitions; each kind has an
    # `order`, which the permission reads). The service puts the answer (who decided, why, the
    # comments) on the round first: the rules read it.
    @transition(
        field="decision",
        source=Decision.PENDING,
        target=Decision.APPROVED,
        conditions=[rules.r2_decider_named, rules.r2_customer_reason_given],
        permission=may_decide_submission,
    )
    def approve(self, *, by, at) -> None:
        self.recorded_by, self.decided_at = by, at

    @transition(
        field="decision",
        source=Decision.PENDING,
        target=Decision.REJECTED,
        conditions=[
            rules.r2_decider_named,
            rules.r2_customer_reason_given,
            rules.rejection_has_comments,
        ],
        permission=may_decide_submission,
    )
    def reject(self, *, by, at) -> None:
        """The comments go to the factory, which submits again as a new round."""
        self.recorded_by, self.decided_at = by, at

    @property
    def is_pending(self) -> bool:
        return self.decision == Decision.PENDING

    @property
    def is_approved(self) -> bool:
        return self.decision == Decision.APPROVED
