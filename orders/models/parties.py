from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.choices import CreditClass, Currency, Language, PaymentTerms, Settlement


class Customer(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.ENGLISH
    )
    default_payment_terms = models.CharField(
        _("default payment terms"),
        max_length=2,
        choices=PaymentTerms.choices,
        default=PaymentTerms.LETTER_OF_CREDIT,
    )
    credit_class = models.CharField(
        _("credit class"), max_length=1, choices=CreditClass.choices, default=CreditClass.B
    )
    country = models.CharField(_("country"), max_length=80, blank=True)
    # R20: credit terms. A customer without a limit who settles per shipment is not sold on
    # credit, and the credit gate does not apply to its orders.
    credit_limit = models.DecimalField(
        _("credit limit"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Open balance plus a new order may reach this (R20); empty: no credit."),
    )
    credit_currency = models.CharField(
        _("credit limit currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    settlement = models.CharField(
        _("settlement"), max_length=12, choices=Settlement.choices, default=Settlement.PER_SHIPMENT
    )
    salesperson = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="customers_sold",
        verbose_name=_("salesperson"),
        help_text=_("Gives the guarantee when an order goes over the credit limit (R20)."),
    )

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CustomerContact(models.Model):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("customer")
    )
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("customer contact")
        verbose_name_plural = _("customer contacts")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A merchandising group; its merchandisers see each other's orders."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teams_headed",
        verbose_name=_("group head"),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(
        _("language"), max_length=7, choices=Language.choices, default=Language.TRADITIONAL_CHINESE
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("team"),
    )
    # Printed in the mail and on the link pages a factory or customer opens, so they can call.
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
