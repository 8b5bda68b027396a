"""Every status and kind of the complaints app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplaintKind(models.TextChoices):
    QUALITY = "quality", _("Quality")
    BREAKAGE = "breakage", _("Breakage")
    SHORT_SHIPMENT = "short_shipment", _("Short shipment (missing goods)")
    WRONG_GOODS = "wrong_goods", _("Wrong goods")
    LATE_DELIVERY = "late_delivery", _("Late delivery")


class ComplaintStatus(models.TextChoices):
    """The steps of the product complaint handling report (R16), in order."""

    AWAITING_APPROVAL = "awaiting_approval", _("Waiting for a leader's approval")
    AWAITING_ANALYSIS = "awaiting_analysis", _("Waiting for QA's analysis")
    AWAITING_REPLY = "awaiting_reply", _("Waiting for the reply to the customer")
    REMEDY_IN_PROGRESS = "remedy_in_progress", _("Rework / replacement in progress")
    CLOSED = "closed", _("Closed")


COMPLAINT_STATUS_COLOURS = {
    ComplaintStatus.AWAITING_APPROVAL: "orange",
    ComplaintStatus.AWAITING_ANALYSIS: "blue",
    ComplaintStatus.AWAITING_REPLY: "indigo",
    ComplaintStatus.REMEDY_IN_PROGRESS: "teal",
    ComplaintStatus.CLOSED: "green",
}

OPEN_COMPLAINT_STATUSES = [
    status for status in ComplaintStatus.values if status != ComplaintStatus.CLOSED
]


class Fault(models.TextChoices):
    """Whose fault QA found the complaint to be."""

    FACTORY = "factory", _("Factory")
    COMPANY = "company", _("Our company")
    CUSTOMER = "customer", _("Customer")
    CARRIER = "carrier", _("Carrier / transport")
    NONE = "none", _("Complaint not justified")


class Remedy(models.TextChoices):
    REWORK = "rework", _("Rework")
    REPLACEMENT = "replacement", _("Replacement")
    NONE = "none", _("No goods to send (reply only)")


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    DOCUMENT = "document", _("Document")


class ReturnCause(models.TextChoices):
    COMPANY = "company", _("Caused by us (company)")
    CUSTOMER = "customer", _("Caused by the customer")


class ReturnStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("Waiting for approval")
    APPROVED = "approved", _("Approved: waiting for the goods")
    REFUSED = "refused", _("Refused")
    RECEIVED = "received", _("Received: sign-offs")
    SIGNED_OFF = "signed_off", _("Signed off: waiting for the return note")
    CLOSED = "closed", _("Return note issued")


RETURN_STATUS_COLOURS = {
    ReturnStatus.AWAITING_APPROVAL: "orange",
    ReturnStatus.APPROVED: "blue",
    ReturnStatus.REFUSED: "red",
    ReturnStatus.RECEIVED: "indigo",
    ReturnStatus.SIGNED_OFF: "teal",
    ReturnStatus.CLOSED: "green",
}


class SignOffStep(models.TextChoices):
    """R17: who signs a received return, in the order they sign."""

    WAREHOUSE_KEEPER = "warehouse_keeper", _("Warehouse keeper")
    WAREHOUSE_HEAD = "warehouse_head", _("Warehouse head")
    SALES_ADMIN = "sales_admin", _("Sales administration")
    SALES_LEADER = "sales_leader", _("Sales leader")
    FINANCE = "finance", _("Finance")


SIGN_OFF_ORDER = list(SignOffStep)


class ArrivalDecision(models.TextChoices):
    REFUSED = "refused", _("Refused")
    ACCEPTED = "accepted", _("Accepted")


# Timeline action codes and their labels (registered with orders.timeline).
class ComplaintEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    COMPLAINT_FILED = "complaint_filed", _("Complaint filed")
    COMPLAINT_ATTACHMENT = "complaint_attachment", _("Complaint attachment added")
    COMPLAINT_APPROVED = "complaint_approved", _("Complaint report approved")
    COMPLAINT_ANALYSED = "complaint_analysed", _("Complaint cause analysed (QA)")
    COMPLAINT_REPLIED = "complaint_replied", _("Customer replied to")
    COMPLAINT_REMEDY_SHIPPED = "complaint_remedy_shipped", _("Rework / replacement shipped")
    FACTORY_CLAIM = "factory_claim", _("Claim against the factory")
    RETURN_APPLIED = "return_applied", _("Return application")
    RETURN_APPROVED = "return_approved", _("Return approved")
    RETURN_REFUSED = "return_refused", _("Return refused")
    RETURN_CUSTOMER_NOTIFIED = "return_customer_notified", _("Customer told to ship the return")
    RETURN_RECEIVED = "return_received", _("Returned goods received")
    RETURN_SIGNED = "return_signed", _("Return signed off")
    RETURN_NOTE_ISSUED = "return_note_issued", _("Return note issued")
    UNANNOUNCED_ARRIVAL = "unannounced_arrival", _("Unannounced returned goods")
