from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import EventKind, Stage
from orders.models.order import Order
from orders.timeline import render_comment, render_message


class OrderEvent(models.Model):
    """The order's audit trail: who did what, when, from which stage to which, and why."""

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="events", verbose_name=_("order")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices, blank=True)
    action = models.CharField(_("action"), max_length=60, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    # Generated text (orders.timeline.event_message): translated when shown, not when written.
    message = models.JSONField(_("generated text"), default=dict, blank=True)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order events")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        at = timezone.localtime(self.at)
        return f"{self.order} {self.get_kind_display()} {at:%Y-%m-%d %H:%M}"

    @property
    def text(self) -> str:
        """What happened, in the reader's language, then what the person wrote."""
        generated = render_message(self.message)
        comment = render_comment(self.comment)
        if generated and comment:
            return f"{generated} {comment}"
        return generated or comment
