"""What QC records on a report besides the counts: the measurements per size and photos."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.uploads import UploadValidator
from shipping.models.inspections import InspectionReport


class InspectionMeasurement(models.Model):
    """One point of measure of one size: the spec, its tolerance and what QC measured."""

    report = models.ForeignKey(
        InspectionReport,
        on_delete=models.CASCADE,
        related_name="measurement_rows",
        verbose_name=_("report"),
    )
    point = models.CharField(_("point of measure"), max_length=120)
    size = models.CharField(_("size"), max_length=20)
    spec_cm = models.DecimalField(_("spec (cm)"), max_digits=7, decimal_places=2)
    tolerance_cm = models.DecimalField(
        _("tolerance ± (cm)"), max_digits=5, decimal_places=2, default=Decimal("1.0")
    )
    measured_cm = models.DecimalField(_("measured (cm)"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.point} {self.size}: {self.measured_cm}"

    @property
    def deviation_cm(self) -> Decimal:
        return self.measured_cm - self.spec_cm

    @property
    def within_tolerance(self) -> bool:
        return abs(self.deviation_cm) <= self.tolerance_cm


class InspectionPhoto(models.Model):
    report = models.ForeignKey(
        InspectionReport, on_delete=models.CASCADE, related_name="photos", verbose_name=_("report")
    )
    photo = models.ImageField(
        _("photo"), upload_to="inspections/%Y/%m/", validators=[UploadValidator("photo")]
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.caption or self.photo.name
