from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.models import Customer
from orders.uploads import UploadValidator


class StyleMasterFile(models.Model):
    """The customer's approved spec of a style (總檔): a repeat order of it (直接單) is made to
    this file, so it needs no new pre-production sample."""

    customer = models.ForeignKey(
        Customer,
        on_delete=models.CASCADE,
        related_name="style_master_files",
        verbose_name=_("customer"),
    )
    style_no = models.CharField(_("style no."), max_length=60)
    description = models.CharField(_("description"), max_length=255, blank=True)
    document = models.FileField(
        _("master file"),
        upload_to="samples/master/%Y/",
        blank=True,
        validators=[UploadValidator("master_file")],
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("style master file")
        verbose_name_plural = _("style master files")
        ordering = ["customer", "style_no"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "style_no"], name="one_master_file_per_style"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer} {self.style_no}"

    @property
    def is_approved(self) -> bool:
        return self.approved_by_id is not None and self.approved_on is not None
