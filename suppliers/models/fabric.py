from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.choices import Currency
from suppliers.choices import LabResult, SupplierKind
from suppliers.models.parties import Supplier, SupplierContact
from suppliers.models.procurement import Procurement
from suppliers.models.submissions import Submission


class FabricBooking(Procurement):
    """The fabric order data the factory books from (R2): signed by the group head before it
    may be sent."""

    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="fabric_bookings",
        verbose_name=_("order"),
    )
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.PROTECT,
        related_name="fabric_bookings",
        limit_choices_to={"kind": SupplierKind.FABRIC_MILL},
        verbose_name=_("fabric mill"),
    )
    contact = models.ForeignKey(
        SupplierContact,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contact"),
    )
    fabric_name = models.CharField(_("fabric name"), max_length=200)
    construction = models.CharField(_("construction"), max_length=200)
    width = models.CharField(_("width"), max_length=60, help_text=_('E.g. 57/58"'))
    composition = models.CharField(_("composition"), max_length=200)
    price = models.DecimalField(_("price"), max_digits=12, decimal_places=4)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    price_unit = models.CharField(_("price per"), max_length=20, default="m")
    consumption = models.DecimalField(
        _("consumption"), max_digits=10, decimal_places=3, help_text=_("Per garment.")
    )
    consumption_unit = models.CharField(_("consumption unit"), max_length=20, default="m")
    delivery_date = models.DateField(_("fabric delivery date"))
    colour_standard = models.CharField(_("colour standard"), max_length=200)
    wash_standard = models.CharField(
        _("wash standard"),
        max_length=200,
        blank=True,
        help_text=_("When the garment is washed; may follow later."),
    )
    tests_required = models.BooleanField(_("customer requires bulk fabric tests"), default=False)
    test_requirements = models.TextField(_("customer's test standards"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent to the factory at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("fabric booking")
        verbose_name_plural = _("fabric bookings")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.fabric_name} ({self.order})"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url() + "#materials"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    def latest_bulk(self):
        return self.bulk_submissions.order_by("-round").first()


class LabDip(models.Model):
    """The colour standard of one colourway of an order."""

    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, related_name="lab_dips", verbose_name=_("order")
    )
    colourway = models.CharField(_("colourway"), max_length=80)
    booking = models.ForeignKey(
        FabricBooking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lab_dips",
        verbose_name=_("fabric"),
    )

    class Meta:
        verbose_name = _("colour standard")
        verbose_name_plural = _("colour standards")
        ordering = ["order", "colourway"]
        constraints = [
            models.UniqueConstraint(fields=["order", "colourway"], name="unique_lab_dip_colourway")
        ]

    def __str__(self) -> str:
        return f"{self.colourway} ({self.order})"

    def latest(self):
        return self.submissions.order_by("-round").first()


class LabDipSubmission(Submission):
    lab_dip = models.ForeignKey(
        LabDip, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("colourway")
    )

    class Meta(Submission.Meta):
        verbose_name = _("lab dip submission")
        verbose_name_plural = _("lab dip submissions")
        constraints = [
            models.UniqueConstraint(fields=["lab_dip", "round"], name="unique_lab_dip_round")
        ]

    @property
    def order(self):
        return self.lab_dip.order


class BulkFabricSubmission(Submission):
    """The factory's bulk fabric swatch (and wash standard); the approved one is signed."""

    booking = models.ForeignKey(
        FabricBooking,
        on_delete=models.CASCADE,
        related_name="bulk_submissions",
        verbose_name=_("fabric"),
    )
    with_wash_standard = models.BooleanField(_("wash standard included"), default=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("swatch signed by"),
    )

    class Meta(Submission.Meta):
        verbose_name = _("bulk fabric submission")
        verbose_name_plural = _("bulk fabric submissions")
        constraints = [
            models.UniqueConstraint(fields=["booking", "round"], name="unique_bulk_fabric_round")
        ]

    @property
    def order(self):
        return self.booking.order


class LabTest(models.Model):
    """Bulk fabric sent to an approved lab (R3), with a result per test item."""

    booking = models.ForeignKey(
        FabricBooking, on_delete=models.CASCADE, related_name="lab_tests", verbose_name=_("fabric")
    )
    lab = models.ForeignKey(
        Supplier,
        on_delete=models.PROTECT,
        related_name="lab_tests",
        limit_choices_to={"kind": SupplierKind.TEST_LAB, "approved": True},
        verbose_name=_("lab"),
    )
    sent_on = models.DateField(_("sent to the lab on"))
    report_no = models.CharField(_("report no."), max_length=80, blank=True)
    result = models.CharField(
        _("result"), max_length=10, choices=LabResult.choices, default=LabResult.PENDING
    )
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # Claimed atomically by the task that tells the customer and the factory (sent once).
    failure_notified_at = models.DateTimeField(_("failure reported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lab test")
        verbose_name_plural = _("lab tests")
        ordering = ["booking", "id"]

    def __str__(self) -> str:
        return f"{self.booking.fabric_name} @ {self.lab}"

    @property
    def order(self):
        return self.booking.order

    @property
    def is_pending(self) -> bool:
        return self.result == LabResult.PENDING


class LabTestItem(models.Model):
    test = models.ForeignKey(
        LabTest, on_delete=models.CASCADE, related_name="items", verbose_name=_("lab test")
    )
    name = models.CharField(_("test item"), max_length=200)
    requirement = models.CharField(_("customer's standard"), max_length=200, blank=True)
    value = models.CharField(_("result"), max_length=200, blank=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("lab test item")
        verbose_name_plural = _("lab test items")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
