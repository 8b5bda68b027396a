"""Every status, aspect and label of the change concepts, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT_TO_FACTORY = "sent_to_factory", _("Sent to the factory")
    CUSTOMER_CONFIRMED = "customer_confirmed", _("Confirmed by the customer")
    APPROVED = "approved", _("Approved")
    APPLIED = "applied", _("Applied")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


CHANGE_STATUS_COLOURS = {
    ChangeStatus.DRAFT: "grey",
    ChangeStatus.SENT_TO_FACTORY: "blue",
    ChangeStatus.CUSTOMER_CONFIRMED: "cyan",
    ChangeStatus.APPROVED: "indigo",
    ChangeStatus.APPLIED: "green",
    ChangeStatus.REFUSED: "red",
    ChangeStatus.WITHDRAWN: "yellow",
}

# A request still on its way; refused, withdrawn and applied ones are closed.
OPEN_CHANGE_STATUSES = [
    ChangeStatus.DRAFT,
    ChangeStatus.SENT_TO_FACTORY,
    ChangeStatus.CUSTOMER_CONFIRMED,
    ChangeStatus.APPROVED,
]
# The steps a request can be sent back to draft from (to revise it or refresh a stale one).
REOPENABLE_CHANGE_STATUSES = OPEN_CHANGE_STATUSES[1:]


class Aspect(models.TextChoices):
    """What part of the contract a change touches; R14 and the re-issued forms read it."""

    QUANTITY = "quantity", _("Quantities")
    PRICE = "price", _("Prices")
    DATES = "dates", _("Dates")
    TERMS = "terms", _("Terms")
    STYLE = "style", _("Style data")
    # The cartons of the packing list: packing data, part of the style data for R14, but no
    # reason for a new sample round.
    PACKING = "packing", _("Packing data")
    # How much of a trim is bought, and from whom: nothing the garment shows.
    PROCUREMENT = "procurement", _("Trim quantities and suppliers")


# R14: once production has started, these need a contract amendment.
PRODUCTION_ASPECTS = frozenset({Aspect.QUANTITY, Aspect.STYLE, Aspect.DATES, Aspect.PACKING})
# What the factory is shown of a change (its notice, the re-issued production order): what it
# makes, packs and buys, and when; never the customer's prices or terms.
FACTORY_ASPECTS = frozenset(
    {Aspect.QUANTITY, Aspect.DATES, Aspect.STYLE, Aspect.PACKING, Aspect.PROCUREMENT}
)

# The change notice to the factory (orders/changes/notice.py), sent by the request's R8 step.
CHANGE_NOTICE_FORM = "F-CHG-001"


class Requester(models.TextChoices):
    CUSTOMER = "customer", _("The customer")
    FACTORY = "factory", _("The factory")
    US = "us", _("Us (the office)")


class FactoryAnswer(models.TextChoices):
    PENDING = "pending", _("Waiting for the factory")
    AGREED = "agreed", _("Agreed")
    REFUSED = "refused", _("Refused")


class LineChangeKind(models.TextChoices):
    CHANGED = "changed", _("Changed")
    ADDED = "added", _("Added")
    CANCELLED = "cancelled", _("Cancelled")


class ImpactArea(models.TextChoices):
    """Where a change lands; each app reports its lines under one of these."""

    MATERIALS = "materials", _("Materials")
    SAMPLES = "samples", _("Samples")
    PLAN = "plan", _("Plan and production")
    INSPECTION = "inspection", _("Inspection and shipping")
    MONEY = "money", _("Money")
    DOCUMENTS = "documents", _("Documents to the factory")


IMPACT_AREA_ORDER = list(ImpactArea.values)


# The timeline actions of change requests, with their labels.
class ChangeEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    CHANGE_RAISED = "change_raised", _("Change request raised (R8)")
    CHANGE_EDITED = "change_edited", _("Change request edited")
    CHANGE_SENT = "change_sent", _("Change notice sent to the factory (R8)")
    CHANGE_FACTORY_AGREED = "change_factory_agreed", _("Factory agreed to the change")
    CHANGE_FACTORY_REFUSED = "change_factory_refused", _("Factory refused the change")
    CHANGE_CUSTOMER_CONFIRMED = "change_customer_confirmed", _("Customer confirmed the change (R8)")
    CHANGE_SIGNED = "change_signed", _("Change request signed")
    CHANGE_APPROVED = "change_approved", _("Change request approved (R8)")
    CHANGE_APPLIED = "change_applied", _("Change applied: new revision")
    CHANGE_REFUSED = "change_refused", _("Change request refused")
    CHANGE_WITHDRAWN = "change_withdrawn", _("Change request withdrawn")
    CHANGE_REOPENED = "change_reopened", _("Change request back to draft")
    CHANGE_REFRESHED = "change_refreshed", _("Change request refreshed onto the current order")
    PAYMENT_CLEARANCE_VOID = (
        "payment_clearance_void",
        _("Payment clearance no longer covers the order (R11)"),
    )


# What each step of a change request is called on a button and in a refusal.
CHANGE_TRANSITION_LABELS = {
    "send_to_factory": _("Send the change notice to the factory"),
    "confirm_customer": _("Record the customer's confirmation"),
    "approve": _("Approve the change"),
    "apply": _("Apply the change"),
    "refuse": _("Refuse the change"),
    "withdraw": _("Withdraw the change"),
    "reopen": _("Back to draft"),
}
