"""Every status and kind of the quotations app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuotationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_APPROVAL = "in_approval", _("In approval")
    APPROVED = "approved", _("Approved")
    SENT = "sent", _("Sent to the customer")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")
    EXPIRED = "expired", _("Expired")
    REVISED = "revised", _("Replaced by a new revision")


QUOTATION_STATUS_COLOURS = {
    QuotationStatus.DRAFT: "grey",
    QuotationStatus.IN_APPROVAL: "blue",
    QuotationStatus.APPROVED: "cyan",
    QuotationStatus.SENT: "indigo",
    QuotationStatus.WON: "green",
    QuotationStatus.LOST: "red",
    QuotationStatus.EXPIRED: "yellow",
    QuotationStatus.REVISED: "grey",
}

# The costing may be edited only while nobody approved or saw it.
EDITABLE_STATUSES = (QuotationStatus.DRAFT,)
# A new revision replaces a quotation the customer has or is about to have; a lost or expired
# one stays as it ended and the new revision starts from its costing.
REQUOTABLE_STATUSES = (
    QuotationStatus.APPROVED,
    QuotationStatus.SENT,
    QuotationStatus.LOST,
    QuotationStatus.EXPIRED,
)
REPLACED_ON_REQUOTE = (QuotationStatus.APPROVED, QuotationStatus.SENT)
EXPIRABLE_STATUSES = (QuotationStatus.APPROVED, QuotationStatus.SENT)
OPEN_STATUSES = (
    QuotationStatus.DRAFT,
    QuotationStatus.IN_APPROVAL,
    QuotationStatus.APPROVED,
    QuotationStatus.SENT,
)

TRANSITION_LABELS = {
    "submit": _("Submit for approval"),
    "approve": _("Approve"),
    "reject": _("Reject"),
    "send": _("Send to the customer"),
    "win": _("Mark as won"),
    "lose": _("Mark as lost"),
    "expire": _("Mark as expired"),
    "replace": _("Re-quote"),
}


class QuotationEvent(models.TextChoices):
    """The quotation's own history rows that are not transitions (labels in EVENT_LABELS)."""

    CREATED = "created"
    EDITED = "edited"
    COSTED = "costed"
    SPECIAL_PRICE = "special_price"
    REQUOTED = "requoted"
    ORDER_CREATED = "order_created"
    PDF_SENT = "pdf_sent"


EVENT_LABELS = {
    **TRANSITION_LABELS,
    "replace": _("Replaced by a new revision"),
    "created": _("Drafted"),
    "edited": _("Quotation edited"),
    "costed": _("Costing saved"),
    "special_price": _("Special price (R18)"),
    "requoted": _("Re-quoted"),
    "order_created": _("Order created"),
    "pdf_sent": _("Quotation e-mailed"),
}


class CostKind(models.TextChoices):
    FACTORY_PRICE = "factory_price", _("Factory price")
    FABRIC = "fabric", _("Fabric (bought by us)")
    TRIMS = "trims", _("Trims (bought by us)")
    WASHING = "washing", _("Washing")
    TESTING = "testing", _("Testing")
    FREIGHT = "freight", _("Freight")
    DUTY = "duty", _("Duty")
    COMMISSION = "commission", _("Commission")
    FINANCING = "financing", _("Financing")
    OTHER = "other", _("Other")


class CostBasis(models.TextChoices):
    """How a costing line's figure turns into a cost per piece."""

    PER_PIECE = "per_piece", _("Per piece, in the cost currency")
    PER_ORDER = "per_order", _("Per order, in the cost currency (spread over the quantity)")
    PERCENT_OF_PRICE = "percent", _("Percent of the selling price")
