"""R28 repeat orders (翻單): a new order made as an earlier one was, linked to it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orders.models.order import Order

# The style data a repeat is made to "as before"; a change to any of them needs samples again.
REPEAT_STYLE_FIELDS = ("style_no", "description", "fabric", "composition", "finishing", "packing")


class RepeatOrder(models.Model):
    order = models.OneToOneField(
        Order, on_delete=models.CASCADE, related_name="repeat_origin", verbose_name=_("order")
    )
    original = models.ForeignKey(
        Order, on_delete=models.PROTECT, related_name="repeats", verbose_name=_("repeat of")
    )
    original_revision = models.PositiveIntegerField(_("made as revision"))
    # The original's style data as it was copied: the sample rules compare the repeat with it.
    style_data = models.JSONField(_("style data copied"), default=dict)
    quantities_copied = models.BooleanField(_("quantities copied"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # R28: the artwork and shipping marks are reused only once the customer confirms them.
    artwork_confirmed_by = models.CharField(
        _("artwork confirmed by (customer's side)"), max_length=120, blank=True
    )
    artwork_confirmed_on = models.DateField(_("artwork confirmed on"), null=True, blank=True)
    artwork_reference = models.CharField(
        _("customer's confirmation (document no.)"), max_length=80, blank=True
    )
    artwork_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmation recorded by"),
    )

    class Meta:
        verbose_name = _("repeat order")
        verbose_name_plural = _("repeat orders")

    def __str__(self) -> str:
        return f"{self.order} ← {self.original}"

    @property
    def artwork_confirmed(self) -> bool:
        return self.artwork_confirmed_on is not None

    def style_changed(self) -> bool:
        """The repeat's style data differs from what was made before."""
        return any(
            (getattr(self.order, name) or "") != (self.style_data.get(name) or "")
            for name in REPEAT_STYLE_FIELDS
        )
