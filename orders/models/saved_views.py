from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedView(models.Model):
    """A user's named combination of a list's filters and sort, kept as the list's query string
    so that opening it shows exactly the page that was saved."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_views",
        verbose_name=_("user"),
    )
    path = models.CharField(_("list"), max_length=200)
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters and sort"), max_length=2000, blank=True)
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["user", "path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "path", "name"], name="saved_view_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path
