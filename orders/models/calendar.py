from django.db import models
from django.utils.translation import gettext_lazy as _


class Holiday(models.Model):
    """A day the office is closed. Working-day deadlines (R1's trim card check) and the
    backward scheduling of time-and-action plans skip it like a weekend."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
