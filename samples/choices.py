"""Every status of the samples app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SampleType(models.TextChoices):
    PROTO = "proto", _("Proto sample (頭辦)")
    FIT = "fit", _("Fit sample")
    SALESMAN = "salesman", _("Salesman sample (銷售辦)")
    PRE_PRODUCTION = "pp", _("Pre-production sample (PP辦)")
    SHIPMENT = "shipment", _("Shipment sample")


class SampleStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested from the factory")
    RECEIVED = "received", _("Received")
    CHECKED = "checked", _("Checked")
    SENT_TO_CUSTOMER = "sent_to_customer", _("Sent to the customer")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


SAMPLE_STATUS_COLOURS = {
    SampleStatus.REQUESTED: "grey",
    SampleStatus.RECEIVED: "blue",
    SampleStatus.CHECKED: "cyan",
    SampleStatus.SENT_TO_CUSTOMER: "indigo",
    SampleStatus.APPROVED: "green",
    SampleStatus.REJECTED: "red",
}
DECIDED_STATUSES = {SampleStatus.APPROVED, SampleStatus.REJECTED}


class Recipient(models.TextChoices):
    """Who keeps each piece of a sample (R22)."""

    CUSTOMER = "customer", _("Customer")
    FILE = "file", _("Our file / QC")
    FACTORY = "factory", _("Factory")


class Area(models.TextChoices):
    """What a discrepancy is about (R4: construction, sizes, wash)."""

    CONSTRUCTION = "construction", _("Construction")
    MEASUREMENT = "measurement", _("Measurement")
    WASH = "wash", _("Wash")
    MATERIALS = "materials", _("Fabric and trims")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    MAY_PRODUCE = "may_produce", _("May produce")
    MUST_CORRECT = "must_correct", _("Must correct before production")


SEVERITY_COLOURS = {Severity.MAY_PRODUCE: "yellow", Severity.MUST_CORRECT: "red"}


class DecidedBy(models.TextChoices):
    """R4 / seed §5.7.3: we check for the customer, or the customer approves itself."""

    HOUSE = "house", _("Checked by us for the customer")
    CUSTOMER = "customer", _("Customer's own decision")


class LetterLayout(models.TextChoices):
    CUSTOMER = "F-PMER-001", _("F-PMER-001: customer's layout")
    HOUSE = "F-PMER-004", _("F-PMER-004: house layout")
    UPLOADED = "uploaded", _("Customer's own letter (uploaded)")


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Awaiting the group head's signature")
    SIGNED = "signed", _("Signed")
    SENT = "sent", _("Sent to the factory")
    WITHDRAWN = "withdrawn", _("Withdrawn")


LETTER_STATUS_COLOURS = {
    LetterStatus.DRAFT: "yellow",
    LetterStatus.SIGNED: "cyan",
    LetterStatus.SENT: "green",
    LetterStatus.WITHDRAWN: "grey",
}


# What the samples app's timeline events are called on the order page.
class SampleEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    SAMPLE_REQUESTED = "sample_requested", _("Sample requested")
    SAMPLE_RECEIVED = "sample_received", _("Sample received from the factory")
    SAMPLE_SENT_TO_CUSTOMER = "sample_sent_to_customer", _("Sample sent to the customer")
    SAMPLE_CHECKED = "sample_checked", _("Sample checked against the spec")
    SAMPLE_APPROVED = "sample_approved", _("Sample approved")
    SAMPLE_ROUND_APPROVED = "sample_round_approved", _("Sample approved")
    SAMPLE_REJECTED = "sample_rejected", _("Sample rejected")
    COMMENT_LETTER_PREPARED = "comment_letter_prepared", _("Sample comment letter prepared")
    COMMENT_LETTER_UPLOADED = "comment_letter_uploaded", _("Customer's comment letter uploaded")
    COMMENT_LETTER_SIGNED = "comment_letter_signed", _("Sample comment letter signed")
    COMMENT_LETTER_SENT = "comment_letter_sent", _("Sample comment letter sent to the factory")
    COMMENT_LETTER_SENT_TO_CUSTOMER = (
        "comment_letter_sent_to_customer",
        _("Sample comment letter sent to the customer"),
    )
    COMMENT_LETTER_WITHDRAWN = "comment_letter_withdrawn", _("Sample comment letter withdrawn")
