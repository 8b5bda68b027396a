"""The L/G letter (F-PMER-003) and the INSPECTION CERTIFICATE (F-PMER-002)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.models import SentDocument
from orders.models.fields import StatusBadge
from orders.uploads import UploadValidator
from shipping.choices import LETTER_STATUS_COLOURS, LetterStatus

LG_FORM = "F-PMER-003"
CERTIFICATE_FORM = "F-PMER-002"


class GuaranteeLetter(StatusBadge, models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="guarantee_letters",
        verbose_name=_("order"),
    )
    report = models.OneToOneField(
        "shipping.InspectionReport",
        on_delete=models.PROTECT,
        related_name="guarantee_letter",
        verbose_name=_("inspection report"),
    )
    number = models.CharField(_("L/G no."), max_length=40, unique=True)
    # The report's counts and defects print on the letter in the recipient's language when it
    # is rendered; this holds only what the manager adds in words.
    findings = models.TextField(_("further findings the factory answers for"), blank=True)
    factory_responsible = models.CharField(_("factory's responsible person"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    signed_scan = models.FileField(
        _("signed letter (scan)"),
        upload_to="guarantee_letters/%Y/%m/",
        blank=True,
        validators=[UploadValidator("signed_copy")],
    )
    signed_by_name = models.CharField(_("signed by"), max_length=120, blank=True)
    signed_at = models.DateTimeField(_("signature recorded at"), null=True, blank=True)
    signature_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signature recorded by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shipment approved by"),
    )
    approved_at = models.DateTimeField(_("shipment approved at"), null=True, blank=True)
    approval_comment = models.TextField(_("approval comment"), blank=True)

    status_colours = LETTER_STATUS_COLOURS

    class Meta:
        verbose_name = _("L/G letter")
        verbose_name_plural = _("L/G letters")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()

    def factory_confirmation(self):
        """The factory's confirmation with a signed copy, through the forms machinery's link."""

        return (
            SentDocument.objects.filter(
                form_code=LG_FORM,
                content_type=ContentType.objects.get_for_model(self),
                object_id=self.pk,
                confirmed_at__isnull=False,
            )
            .exclude(signed_copy="")
            .order_by("-confirmed_at")
            .first()
        )

    @property
    def is_signed(self) -> bool:
        """R7: the factory's responsible person signed: its signed copy came back through the
        link (the forms machinery records it here) or the merchandiser filed the scan."""
        return self.signed_at is not None or self.factory_confirmation() is not None

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def status(self) -> str:
        if self.is_approved:
            return LetterStatus.APPROVED
        if self.is_signed:
            return LetterStatus.SIGNED
        return LetterStatus.AWAITING_SIGNATURE

    def get_status_display(self) -> str:
        return LetterStatus(self.status).label


class InspectionCertificate(models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="inspection_certificates",
        verbose_name=_("order"),
    )
    report = models.OneToOneField(
        "shipping.InspectionReport",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("inspection report"),
    )
    guarantee_letter = models.ForeignKey(
        GuaranteeLetter,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("under L/G"),
    )
    number = models.CharField(_("certificate no."), max_length=40, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("inspection certificate")
        verbose_name_plural = _("inspection certificates")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()
