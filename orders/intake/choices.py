from django.db import models
from django.utils.translation import gettext_lazy as _


class PmcReplyStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for PMC")
    REPLIED = "replied", _("Replied")


PMC_REPLY_STATUS_COLOURS = {
    PmcReplyStatus.WAITING: "yellow",
    PmcReplyStatus.REPLIED: "green",
}


class IntakeEvent(models.TextChoices):
    PMC_REQUESTED = "pmc_reply_requested", _("Capacity and delivery date asked of PMC (R13)")
    PMC_REPLIED = "pmc_replied", _("PMC replied a delivery date (R13)")
    CONFIRMATION_SIGNED = (
        "order_confirmation_signed",
        _("ORDER CONFIRMATION signed back by the sales office (R29)"),
    )
    PO_COUNTERSIGNED = "po_countersigned", _("P/O countersigned by the sales office (R29)")


class CommodityInspectionStep(models.TextChoices):
    """R33: the commodity inspection (商檢) in the order it happens: booked with the inspection
    bureau, passed (its certificate), then the customs declaration booked."""

    BOOKED = "booked", _("Inspection booked")
    PASSED = "passed", _("Inspection passed (certificate)")
    CUSTOMS_BOOKED = "customs_booked", _("Customs declaration booked")
