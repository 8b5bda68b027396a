from django.db import models
from django.utils.translation import gettext_lazy as _


class GuaranteeStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for a manager")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


GUARANTEE_STATUS_COLOURS = {
    GuaranteeStatus.REQUESTED: "yellow",
    GuaranteeStatus.APPROVED: "green",
    GuaranteeStatus.REFUSED: "red",
}


class CreditEvent(models.TextChoices):
    GUARANTEE_GIVEN = "credit_guarantee_given", _("Salesperson's guarantee given (R20)")
    GUARANTEE_APPROVED = "credit_guarantee_approved", _("Salesperson's guarantee approved (R20)")
    GUARANTEE_REFUSED = "credit_guarantee_refused", _("Salesperson's guarantee refused (R20)")
    EXCEPTION = "credit_exception", _("General manager's credit exception (R20)")
