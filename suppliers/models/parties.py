from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from orders.choices import Language
from suppliers.choices import SupplierKind


class Factory(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.SIMPLIFIED_CHINESE
    )
    email = models.EmailField(_("e-mail"))
    address = models.TextField(_("address"), blank=True)
    products = models.TextField(_("what it makes"), blank=True)

    class Meta:
        verbose_name = _("factory")
        verbose_name_plural = _("factories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("suppliers:factory_detail", args=[self.pk])


class FactoryContact(models.Model):
    factory = models.ForeignKey(
        Factory, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("factory")
    )
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("factory contact")
        verbose_name_plural = _("factory contacts")

    def __str__(self) -> str:
        return self.name


class Supplier(models.Model):
    """A fabric mill, trim supplier, test lab or inspection company. Factories keep their own
    model: every order has one, and the order refers to it by name."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SupplierKind.choices)
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.SIMPLIFIED_CHINESE
    )
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    products = models.TextField(
        _("what it makes or tests"),
        blank=True,
        help_text=_("E.g. cotton wovens, buttons and zips, colour fastness and shrinkage tests."),
    )
    approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_("For test labs: only approved labs may test bulk fabric (R3)."),
    )

    class Meta:
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="unique_supplier_name_per_kind")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("suppliers:supplier_detail", args=[self.pk])

    @property
    def is_lab(self) -> bool:
        return self.kind == SupplierKind.TEST_LAB


class SupplierContact(models.Model):
    supplier = models.ForeignKey(
        Supplier, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("supplier")
    )
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("supplier contact")
        verbose_name_plural = _("supplier contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.supplier})"
