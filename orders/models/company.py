"""The company's letterhead (抬頭): set once in the admin, printed on every form and named in
every mail, in the recipient's language."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.uploads import UploadValidator


@dataclass(frozen=True)
class Letterhead:
    """The letterhead as one language prints it."""

    name: str
    other_name: str  # the company's name in the other script, printed smaller beneath
    address: str
    phone: str
    fax: str
    email: str
    logo: object  # the ImageField file, or None


class CompanyProfile(models.Model):
    """One row: the company that prints the forms. Until it is saved, the name comes from
    GENDAN_COMPANY_NAME."""

    name_en = models.CharField(_("name in English"), max_length=200)
    name_zh_hant = models.CharField(_("name in Traditional Chinese"), max_length=200, blank=True)
    name_zh_hans = models.CharField(
        _("name in Simplified Chinese"),
        max_length=200,
        blank=True,
        help_text=_("Left empty, forms in Simplified Chinese print the Traditional name."),
    )
    address_en = models.TextField(_("address in English"), blank=True)
    address_zh_hant = models.TextField(_("address in Traditional Chinese"), blank=True)
    address_zh_hans = models.TextField(_("address in Simplified Chinese"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="company/", blank=True, validators=[UploadValidator("picture")]
    )

    class Meta:
        verbose_name = _("company letterhead")
        verbose_name_plural = _("company letterhead")

    def __str__(self) -> str:
        return self.name_en

    @classmethod
    def current(cls) -> "CompanyProfile":
        """The saved letterhead, or an unsaved one named from the environment."""
        return cls.objects.order_by("pk").first() or cls(name_en=settings.GENDAN_COMPANY_NAME)

    def for_language(self, language: str) -> Letterhead:
        chinese = {
            "zh-hant": self.name_zh_hant or self.name_zh_hans,
            "zh-hans": self.name_zh_hans or self.name_zh_hant,
        }
        addresses = {
            "en": self.address_en,
            "zh-hant": self.address_zh_hant or self.address_zh_hans,
            "zh-hans": self.address_zh_hans or self.address_zh_hant,
        }
        if language in chinese and chinese[language]:
            name, other = chinese[language], self.name_en
        else:
            name, other = self.name_en, self.name_zh_hant or self.name_zh_hans
        return Letterhead(
            name=name,
            other_name=other if other != name else "",
            address=addresses.get(language) or self.address_en,
            phone=self.phone,
            fax=self.fax,
            email=self.email,
            logo=self.logo or None,
        )
