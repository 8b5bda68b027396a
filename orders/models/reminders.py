from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.models.outbox import OutboxMessage


class Digest(models.Model):
    """One person's reminder e-mail of one day. The row (unique per person and day) is written
    with its outbox row in one transaction, so a second run, a retry or a second worker finds
    it there and writes nothing; the outbox sends it once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_digests",
        verbose_name=_("person"),
    )
    day = models.DateField(_("day"))
    outbox = models.OneToOneField(
        OutboxMessage, on_delete=models.PROTECT, related_name="digest", verbose_name=_("e-mail")
    )
    item_count = models.PositiveIntegerField(_("items"), default=0)
    escalated_count = models.PositiveIntegerField(_("escalated items"), default=0)

    class Meta:
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        ordering = ["-day", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_person_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%Y-%m-%d}"

    @property
    def status(self) -> str:
        return self.outbox.state

    @property
    def sent_at(self):
        return self.outbox.sent_at
