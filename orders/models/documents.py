"""Documents the company sent to a factory (or supplier), and the factory's confirmation."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import Language
from orders.models.order import Order
from orders.models.outbox import OutboxMessage
from orders.uploads import UploadValidator


class SentDocumentManager(models.Manager):
    def get_queryset(self):
        # Every page that lists documents shows their e-mail's state.
        return super().get_queryset().select_related("outbox")


class SentDocument(models.Model):
    """One e-mailing of one printed form; a re-send or a new revision is the next version."""

    # Empty for a form sent before any order exists (a quotation, R18).
    order = models.ForeignKey(
        Order,
        on_delete=models.CASCADE,
        related_name="sent_documents",
        verbose_name=_("order"),
        null=True,
        blank=True,
    )
    form_code = models.CharField(_("form"), max_length=30)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of object")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    printed = GenericForeignKey("content_type", "object_id")
    version = models.PositiveIntegerField(_("version"))
    # The order's revision (R8) when this version was sent.
    order_revision = models.PositiveIntegerField(_("order revision"), default=1)

    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_email = models.EmailField(_("recipient e-mail"))
    recipient_language = models.CharField(
        _("recipient language"), max_length=7, choices=Language.choices
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    # Its e-mail: queued, sending, sent or failed, with the attempts (orders.outbox).
    outbox = models.OneToOneField(
        OutboxMessage,
        on_delete=models.PROTECT,
        related_name="document",
        verbose_name=_("e-mail"),
    )
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    # The outbox row's Message-ID, also the key of the recipient's link.
    message_id = models.CharField(_("message id"), max_length=255, unique=True)
    pdf = models.FileField(
        _("PDF"),
        upload_to="documents/sent/%Y/%m/",
        blank=True,
        validators=[UploadValidator("document")],
    )

    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by_name = models.CharField(_("confirmed by"), max_length=120, blank=True)
    signed_copy = models.FileField(
        _("signed copy"),
        upload_to="documents/signed/%Y/%m/",
        blank=True,
        validators=[UploadValidator("signed_copy")],
    )
    confirmation_note = models.TextField(_("note from the recipient"), blank=True)
    signed_copy_at = models.DateTimeField(_("signed copy received at"), null=True, blank=True)
    # Empty when the recipient uploaded it through its link; else who filed the paper copy.
    signed_copy_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed copy recorded by"),
    )

    # R8: an applied change altered what this version prints, but its next version may not go
    # yet (a fabric booking waits for the group head's signature, R2): from that revision of the
    # order on, its link refuses confirmation; the next version goes once it may.
    held_at_revision = models.PositiveIntegerField(
        _("replaced at order revision"), null=True, blank=True
    )

    objects = SentDocumentManager()

    class Meta:
        verbose_name = _("sent document")
        verbose_name_plural = _("sent documents")
        ordering = ["-queued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "form_code", "content_type", "object_id", "version"],
                name="unique_sent_document_version",
            ),
        ]
        indexes = [models.Index(fields=["order", "form_code"])]

    def __str__(self) -> str:
        return f"{self.form_code} v{self.version} → {self.recipient_name}"

    @property
    def status(self) -> str:
        return self.outbox.state

    def get_status_display(self) -> str:
        return self.outbox.get_state_display()

    @property
    def status_colour(self) -> str:
        return self.outbox.state_colour

    @property
    def sent_at(self):
        return self.outbox.sent_at

    @property
    def attempts(self) -> int:
        return self.outbox.attempts

    @property
    def last_error(self) -> str:
        return self.outbox.last_error

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
