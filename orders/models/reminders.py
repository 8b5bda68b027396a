from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.planning.choices import DigestStatus


class Digest(models.Model):
    """One person's reminder e-mail of one day. The row is claimed (pending → sending) with a
    conditional update before the mail goes out, so only one worker ever sends it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_digests",
        verbose_name=_("person"),
    )
    day = models.DateField(_("day"))
    status = models.CharField(
        _("status"), max_length=10, choices=DigestStatus.choices, default=DigestStatus.PENDING
    )
    item_count = models.PositiveIntegerField(_("items"), default=0)
    escalated_count = models.PositiveIntegerField(_("escalated items"), default=0)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        ordering = ["-day", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_person_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%Y-%m-%d}"
