"""R9: a master file per customer, for the standing documents that serve many orders."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import CustomerDocumentKind
from orders.models.parties import Customer
from orders.uploads import UploadValidator


class CustomerDocument(models.Model):
    customer = models.ForeignKey(
        Customer,
        on_delete=models.CASCADE,
        related_name="master_file",
        verbose_name=_("customer"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=CustomerDocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"), upload_to="customers/%Y/%m/", validators=[UploadValidator("master_file")]
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("customer master file document")
        verbose_name_plural = _("customer master file")
        ordering = ["kind", "-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.customer}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:customer_file", args=[self.customer_id])
