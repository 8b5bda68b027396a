"""The states of an outbox row (orders.models.OutboxMessage)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxState(models.TextChoices):
    PENDING = "pending", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


OUTBOX_STATE_COLOURS = {
    OutboxState.PENDING: "grey",
    OutboxState.SENDING: "blue",
    OutboxState.SENT: "green",
    OutboxState.FAILED: "red",
}
