"""Inspection bookings (R12), reports with AQL numbers and defects, and the R7 decision."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.uploads import UploadValidator
from shipping import aql
from shipping.choices import (
    AQL_CHOICES,
    INSPECTION_LEVEL_CHOICES,
    VERDICT_COLOURS,
    DefectClass,
    FailureDecision,
    InspectionKind,
    InspectorParty,
    Verdict,
)

# Days before the ex-factory date by which each kind of inspector is booked (seed 002, step 7).
BOOKING_LEAD_DAYS = {
    InspectorParty.OWN_QC: 7,
    InspectorParty.CUSTOMER: 7,
    InspectorParty.THIRD_PARTY: 14,
}


def booking_deadline(order, party: str) -> date:
    """R12: own QC notified a week before delivery, the customer's inspector booked a week
    before, a third-party inspection two weeks before."""
    return order.ex_factory_date - timedelta(days=BOOKING_LEAD_DAYS[party])


class InspectionBooking(models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="inspection_bookings",
        verbose_name=_("order"),
    )
    kind = models.CharField(_("inspection"), max_length=14, choices=InspectionKind.choices)
    party = models.CharField(_("inspected by"), max_length=12, choices=InspectorParty.choices)
    # A plain name: the inspection company may later be a supplier record.
    inspection_company = models.CharField(_("inspection company"), max_length=120, blank=True)
    inspector_name = models.CharField(_("inspector"), max_length=120, blank=True)
    planned_date = models.DateField(_("inspection date"))
    booked_at = models.DateTimeField(_("booked at"), default=timezone.now)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("booked by"),
    )
    lot_size = models.PositiveIntegerField(_("lot size (pieces)"))
    level = models.CharField(
        _("inspection level"), max_length=4, choices=INSPECTION_LEVEL_CHOICES, default="II"
    )
    aql_critical = models.CharField(
        _("AQL critical"), max_length=5, choices=AQL_CHOICES, default="0.010"
    )
    aql_major = models.CharField(_("AQL major"), max_length=5, choices=AQL_CHOICES, default="2.5")
    aql_minor = models.CharField(_("AQL minor"), max_length=5, choices=AQL_CHOICES, default="4.0")
    reinspection_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reinspections",
        verbose_name=_("re-inspection of"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("inspection booking")
        verbose_name_plural = _("inspection bookings")
        ordering = ["planned_date", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.planned_date} ({self.order})"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()

    def aql_of(self, defect_class: str) -> str:
        return {
            DefectClass.CRITICAL: self.aql_critical,
            DefectClass.MAJOR: self.aql_major,
            DefectClass.MINOR: self.aql_minor,
        }[defect_class]

    def plans(self) -> dict[str, aql.SamplingPlan]:
        """The sampling plan actually used for each defect class."""
        return {
            value: aql.sampling_plan(self.lot_size, self.level, self.aql_of(value))
            for value in DefectClass.values
        }

    @property
    def deadline(self):
        return booking_deadline(self.order, self.party)

    @property
    def booked_late(self) -> bool:
        return timezone.localtime(self.booked_at).date() > self.deadline


class InspectionReport(models.Model):
    booking = models.OneToOneField(
        InspectionBooking,
        on_delete=models.CASCADE,
        related_name="report",
        verbose_name=_("booking"),
    )
    inspected_on = models.DateField(_("inspected on"))
    quantity_presented = models.PositiveIntegerField(_("quantity presented"))
    quantity_checked = models.PositiveIntegerField(_("quantity checked"))
    cartons_opened = models.PositiveIntegerField(_("cartons opened"), default=0)
    measurements = models.TextField(
        _("measurements"), blank=True, help_text=_("Points of measure and what was found.")
    )
    packing_ok = models.BooleanField(_("packing as instructed"), default=True)
    marking_ok = models.BooleanField(_("shipping marks and labels correct"), default=True)
    packing_notes = models.TextField(_("packing and marking notes"), blank=True)
    remarks = models.TextField(_("inspector's remarks"), blank=True)
    verdict = models.CharField(_("verdict"), max_length=4, choices=Verdict.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("inspection report")
        verbose_name_plural = _("inspection reports")
        ordering = ["-inspected_on", "-id"]
        # The KPIs and the factory scorecard count the reports of a period.
        indexes = [models.Index(fields=["inspected_on"], name="inspection_report_on")]

    def __str__(self) -> str:
        return f"{self.booking} — {self.get_verdict_display()}"

    def get_absolute_url(self) -> str:
        return self.booking.get_absolute_url()

    @property
    def order(self):
        return self.booking.order

    @property
    def verdict_colour(self) -> str:
        return VERDICT_COLOURS.get(self.verdict, "grey")

    @property
    def ships_under_lg(self) -> bool:
        """R7: the failure was decided "ship under L/G": the factory signs F-PMER-003."""
        resolution = getattr(self, "resolution", None)
        return resolution is not None and resolution.decision == FailureDecision.SHIP_UNDER_LG

    @property
    def passed(self) -> bool:
        return self.verdict == Verdict.PASS


class DefectCount(models.Model):
    """The AQL numbers of one class as they stood when the report was recorded."""

    report = models.ForeignKey(
        InspectionReport, on_delete=models.CASCADE, related_name="counts", verbose_name=_("report")
    )
    defect_class = models.CharField(_("class"), max_length=8, choices=DefectClass.choices)
    aql = models.CharField(_("AQL"), max_length=5)
    code_letter = models.CharField(_("code letter"), max_length=1)
    sample_size = models.PositiveIntegerField(_("sample size"))
    accept = models.PositiveIntegerField(_("Ac"))
    reject = models.PositiveIntegerField(_("Re"))
    found = models.PositiveIntegerField(_("defects found"))

    class Meta:
        verbose_name = _("defect count")
        verbose_name_plural = _("defect counts")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "defect_class"], name="unique_defect_class_per_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_defect_class_display()}: {self.found} ({self.accept}/{self.reject})"

    @property
    def passed(self) -> bool:
        return self.found <= self.accept


class Defect(models.Model):
    report = models.ForeignKey(
        InspectionReport,
        on_delete=models.CASCADE,
        related_name="defects",
        verbose_name=_("report"),
    )
    defect_class = models.CharField(_("class"), max_length=8, choices=DefectClass.choices)
    description = models.CharField(_("description"), max_length=255)
    quantity = models.PositiveIntegerField(_("pieces"), default=1)
    photo = models.ImageField(
        _("photo"),
        upload_to="inspections/%Y/%m/",
        blank=True,
        validators=[UploadValidator("photo")],
    )

    class Meta:
        verbose_name = _("defect")
        verbose_name_plural = _("defects")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_defect_class_display()}: {self.description} ×{self.quantity}"


class FailureResolution(models.Model):
    """R7: the purchasing head's or GM's decision on a failed inspection."""

    report = models.OneToOneField(
        InspectionReport,
        on_delete=models.CASCADE,
        related_name="resolution",
        verbose_name=_("report"),
    )
    decision = models.CharField(_("decision"), max_length=14, choices=FailureDecision.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("inspection failure decision")
        verbose_name_plural = _("inspection failure decisions")

    def __str__(self) -> str:
        return self.get_decision_display()
