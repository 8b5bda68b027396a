"""R30: the customer's answers on its feedback form (客户意见反馈表), as the merchandiser
reads them off the countersigned copy."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import FeedbackRating
from orders.models.order import Order


def _rating(label):
    return models.CharField(label, max_length=4, choices=FeedbackRating.choices, blank=True)


class CustomerFeedback(models.Model):
    order = models.OneToOneField(
        Order, on_delete=models.CASCADE, related_name="customer_feedback", verbose_name=_("order")
    )
    quality = _rating(_("product quality"))
    delivery = _rating(_("delivery on time"))
    packing = _rating(_("packing and marking"))
    service = _rating(_("merchandiser's service"))
    comments = models.TextField(_("customer's comments"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    RATED = ("quality", "delivery", "packing", "service")

    class Meta:
        verbose_name = _("customer feedback")
        verbose_name_plural = _("customer feedback")

    def __str__(self) -> str:
        return str(self.order)
