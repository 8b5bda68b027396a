from django.db import models
from django.utils.translation import gettext_lazy as _


class SentNotice(models.Model):
    """One e-mail this app sent, keyed by what it was about and to whom. Creating the row is
    the claim (the key is unique), so a retry or a second worker never sends twice."""

    key = models.CharField(_("key"), max_length=120, unique=True)
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="+", verbose_name=_("order")
    )
    recipient = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=7)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail notice")
        verbose_name_plural = _("e-mail notices")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.key
