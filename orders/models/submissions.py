"""One-time form tokens: the guard against a double-click or a repeated POST recording twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """The token of an action form that was submitted and recorded. The unique token makes a
    second submission of the same rendered form fail at the database, even when both arrive at
    the same moment (the second insert waits for the first transaction, then is refused)."""

    token = models.UUIDField(_("form token"), unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    path = models.CharField(_("address"), max_length=255, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.path} {self.submitted_at:%Y-%m-%d %H:%M}"
