"""The statuses of a sent document, with their labels and colours."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.outbox.choices import OutboxState

# A sent document's status is its outbox row's state (orders.outbox).
DocumentStatus = OutboxState

# What a factory may upload as its signed copy.
SIGNED_COPY_TYPES = {
    "application/pdf": (".pdf", b"%PDF-"),
    "image/jpeg": (".jpg", b"\xff\xd8\xff"),
    "image/png": (".png", b"\x89PNG\r\n\x1a\n"),
}


class DocumentAction(models.TextChoices):
    """The `action` of the order's DOCUMENT events."""

    SENT = "document_sent", _("Document sent")
    CONFIRMED = "document_confirmed", _("Receipt confirmed by the recipient")
    SIGNED_COPY = "document_signed_copy", _("Signed copy received")
    HELD = "document_held", _("Document replaced; the new version waits to be signed (R8)")
