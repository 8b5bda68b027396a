from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.choices import Language

__all__ = ["Factory", "FactoryContact", "Language"]


class Factory(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.SIMPLIFIED_CHINESE
    )
    email = models.EmailField(_("e-mail"))
    address = models.TextField(_("address"), blank=True)

    class Meta:
        verbose_name = _("factory")
        verbose_name_plural = _("factories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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
