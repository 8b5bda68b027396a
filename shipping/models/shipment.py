"""Shipping marks (R23), packing list, commercial invoice, freight booking, export papers (R27)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.uploads import UploadValidator
from shipping.choices import ContainerType, ExportDocumentKind, TransportMode
from shipping.packing import CartonSpec

PACKING_LIST_FORM = "SHP-PL"
INVOICE_FORM = "SHP-CI"


class ShippingMarks(models.Model):
    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="shipping_marks",
        verbose_name=_("order"),
    )
    main_marks = models.TextField(_("main (front) marks"))
    side_marks = models.TextField(_("side marks"), blank=True)
    artwork = models.FileField(
        _("artwork"),
        upload_to="shipping_marks/%Y/%m/",
        blank=True,
        validators=[UploadValidator("document")],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    confirmed_on = models.DateField(_("confirmed by the customer on"), null=True, blank=True)
    confirmed_by_customer = models.CharField(
        _("confirmed by (customer's side)"), max_length=120, blank=True
    )
    confirmation_reference = models.CharField(
        _("customer's reference (e-mail, fax)"), max_length=120, blank=True
    )

    class Meta:
        verbose_name = _("shipping marks")
        verbose_name_plural = _("shipping marks")

    def __str__(self) -> str:
        return f"{self.order}: {self.main_marks[:40]}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None


class PackingList(models.Model):
    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="packing_list",
        verbose_name=_("order"),
    )
    pieces_per_carton = models.PositiveIntegerField(_("pieces per carton"))
    net_weight_per_piece_kg = models.DecimalField(
        _("net weight per piece (kg)"), max_digits=8, decimal_places=3
    )
    carton_weight_kg = models.DecimalField(
        _("empty carton weight (kg)"), max_digits=8, decimal_places=3
    )
    carton_length_cm = models.DecimalField(_("carton length (cm)"), max_digits=6, decimal_places=1)
    carton_width_cm = models.DecimalField(_("carton width (cm)"), max_digits=6, decimal_places=1)
    carton_height_cm = models.DecimalField(_("carton height (cm)"), max_digits=6, decimal_places=1)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField(_("generated at"), default=timezone.now)

    class Meta:
        verbose_name = _("packing list")
        verbose_name_plural = _("packing lists")

    def __str__(self) -> str:
        return f"{_('Packing list')} {self.order}"

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()

    def carton_spec(self):
        """The carton data the list was drawn up with (its layout), to draw it up again."""

        return CartonSpec(
            self.pieces_per_carton,
            self.net_weight_per_piece_kg,
            self.carton_weight_kg,
            self.carton_length_cm,
            self.carton_width_cm,
            self.carton_height_cm,
        )

    def totals(self) -> dict:
        rows = list(self.rows.all())
        return {
            "cartons": sum(row.cartons for row in rows),
            "pieces": sum(row.pieces for row in rows),
            "net_weight_kg": sum((row.net_weight_kg for row in rows), Decimal("0")),
            "gross_weight_kg": sum((row.gross_weight_kg for row in rows), Decimal("0")),
            "cbm": sum((row.cbm for row in rows), Decimal("0")),
        }


class PackingListRow(models.Model):
    """One run of identical cartons: carton numbers, colour, size and what each carton holds."""

    packing_list = models.ForeignKey(
        PackingList, on_delete=models.CASCADE, related_name="rows", verbose_name=_("packing list")
    )
    carton_from = models.PositiveIntegerField(_("carton from"))
    carton_to = models.PositiveIntegerField(_("carton to"))
    colour = models.CharField(_("colour"), max_length=80)
    size = models.CharField(_("size"), max_length=20)
    pieces_per_carton = models.PositiveIntegerField(_("pieces per carton"))
    cartons = models.PositiveIntegerField(_("cartons"))
    pieces = models.PositiveIntegerField(_("pieces"))
    net_weight_kg = models.DecimalField(_("net weight (kg)"), max_digits=10, decimal_places=3)
    gross_weight_kg = models.DecimalField(_("gross weight (kg)"), max_digits=10, decimal_places=3)
    cbm = models.DecimalField(_("measurement (CBM)"), max_digits=10, decimal_places=4)

    class Meta:
        verbose_name = _("packing list row")
        verbose_name_plural = _("packing list rows")
        ordering = ["carton_from"]

    def __str__(self) -> str:
        return f"{self.carton_from}-{self.carton_to} {self.colour} {self.size}"


class CommercialInvoice(models.Model):
    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="commercial_invoice",
        verbose_name=_("order"),
    )
    number = models.CharField(_("invoice no."), max_length=40, unique=True)
    issued_on = models.DateField(_("invoice date"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("commercial invoice")
        verbose_name_plural = _("commercial invoices")

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return self.order.get_absolute_url()


class FreightBooking(models.Model):
    order = models.OneToOneField(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="freight_booking",
        verbose_name=_("order"),
    )
    forwarder = models.CharField(_("forwarder"), max_length=120)
    mode = models.CharField(_("by"), max_length=3, choices=TransportMode.choices)
    vessel_or_flight = models.CharField(_("vessel / flight"), max_length=120)
    port_of_loading = models.CharField(_("port of loading"), max_length=80, blank=True)
    port_of_discharge = models.CharField(_("port of discharge"), max_length=80, blank=True)
    etd = models.DateField(_("ETD"))
    eta = models.DateField(_("ETA"))
    container_type = models.CharField(_("container"), max_length=4, choices=ContainerType.choices)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    booked_at = models.DateTimeField(_("booked at"), default=timezone.now)

    class Meta:
        verbose_name = _("freight booking")
        verbose_name_plural = _("freight bookings")

    def __str__(self) -> str:
        return f"{self.forwarder} {self.vessel_or_flight} {self.etd}"


class ExportDocument(models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.CASCADE,
        related_name="export_documents",
        verbose_name=_("order"),
    )
    kind = models.CharField(_("document"), max_length=24, choices=ExportDocumentKind.choices)
    number = models.CharField(_("number"), max_length=60)
    issued_on = models.DateField(_("date"))
    scan = models.FileField(
        _("scan"),
        upload_to="export_documents/%Y/%m/",
        blank=True,
        validators=[UploadValidator("document")],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("export document")
        verbose_name_plural = _("export documents")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["order", "kind"], name="one_export_document_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"
