from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from suppliers.choices import CustomerDecisionReason, Decider, Decision


class Submission(models.Model):
    """One round of something the factory submits for approval (a lab dip, a bulk swatch):
    who decided, the merchandiser or the customer, and why the customer when it was."""

    round = models.PositiveIntegerField(_("round"))
    submitted_on = models.DateField(_("submitted on"))
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
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

    @property
    def is_pending(self) -> bool:
        return self.decision == Decision.PENDING

    @property
    def is_approved(self) -> bool:
        return self.decision == Decision.APPROVED
