"""Checking a sample against the approved spec: the measurement chart and the discrepancies (R4)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samples import rules
from samples.choices import SEVERITY_COLOURS, Area, Severity
from samples.models.sample import SampleRequest


class Measurement(models.Model):
    sample = models.ForeignKey(
        SampleRequest,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("sample"),
    )
    point_of_measure = models.CharField(_("point of measure"), max_length=120)
    size = models.CharField(_("size"), max_length=20, blank=True)
    spec = models.DecimalField(_("spec"), max_digits=8, decimal_places=2)
    tolerance = models.DecimalField(
        _("tolerance ±"), max_digits=6, decimal_places=2, default=Decimal("0")
    )
    actual = models.DecimalField(_("actual"), max_digits=8, decimal_places=2)
    accepted = models.BooleanField(
        _("may produce despite the deviation"),
        default=False,
        help_text=_("The merchandiser accepts this out-of-tolerance point for production."),
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["sample", "id"]

    def __str__(self) -> str:
        return f"{self.point_of_measure} {self.size}".strip()

    @property
    def deviation(self) -> Decimal:
        return rules.measurement_deviation(spec=self.spec, actual=self.actual)

    @property
    def out_of_tolerance(self) -> bool:
        return rules.out_of_tolerance(spec=self.spec, tolerance=self.tolerance, actual=self.actual)


class Discrepancy(models.Model):
    """One point where the sample differs from the approved spec, and whether bulk may go ahead."""

    sample = models.ForeignKey(
        SampleRequest,
        on_delete=models.CASCADE,
        related_name="discrepancies",
        verbose_name=_("sample"),
    )
    area = models.CharField(_("area"), max_length=15, choices=Area.choices)
    description = models.TextField(_("discrepancy"))
    severity = models.CharField(_("verdict"), max_length=15, choices=Severity.choices)
    measurement = models.OneToOneField(
        Measurement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="discrepancy",
        verbose_name=_("measurement"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("discrepancy")
        verbose_name_plural = _("discrepancies")
        ordering = ["sample", "id"]

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.description[:60]}"

    @property
    def severity_colour(self) -> str:
        return SEVERITY_COLOURS[self.severity]
