"""Every status and kind of the shipping app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from shipping.aql import AQL_VALUES, LEVELS


class InspectionKind(models.TextChoices):
    INLINE = "inline", _("Inline (mid-production)")
    FINAL = "final", _("Final")
    REINSPECTION = "reinspection", _("Re-inspection")


class InspectorParty(models.TextChoices):
    OWN_QC = "own_qc", _("Our QC")
    CUSTOMER = "customer", _("Customer's inspector")
    THIRD_PARTY = "third_party", _("Third-party inspection company")


class DefectClass(models.TextChoices):
    CRITICAL = "critical", _("Critical")
    MAJOR = "major", _("Major")
    MINOR = "minor", _("Minor")


class Verdict(models.TextChoices):
    PASS = "pass", _("PASS")
    FAIL = "fail", _("FAIL")


VERDICT_COLOURS = {Verdict.PASS: "green", Verdict.FAIL: "red"}


class FailureDecision(models.TextChoices):
    """R7: what the purchasing head or the GM decides after a failed inspection."""

    REWORK = "rework", _("Rework and re-inspect")
    SHIP_UNDER_LG = "ship_under_lg", _("Ship under L/G")


class LetterStatus(models.TextChoices):
    AWAITING_SIGNATURE = "awaiting_signature", _("Waiting for the factory's signature")
    SIGNED = "signed", _("Signed by the factory")
    APPROVED = "approved", _("Shipment approved")


LETTER_STATUS_COLOURS = {
    LetterStatus.AWAITING_SIGNATURE: "orange",
    LetterStatus.SIGNED: "blue",
    LetterStatus.APPROVED: "green",
}


class TransportMode(models.TextChoices):
    SEA = "sea", _("Sea")
    AIR = "air", _("Air")


class ContainerType(models.TextChoices):
    GP20 = "20GP", "20' GP"
    GP40 = "40GP", "40' GP"
    HQ40 = "40HQ", "40' HQ"
    LCL = "LCL", _("LCL (part container)")
    AIR = "AIR", _("Air freight")


class ExportDocumentKind(models.TextChoices):
    """R27: the certificates and papers of the export tracking sheet."""

    FORM_A = "form_a", _("FORM A (GSP certificate of origin)")
    CERTIFICATE_OF_ORIGIN = "certificate_of_origin", _("C/O (certificate of origin)")
    CUSTOMS_DECLARATION = "customs_declaration", _("Customs declaration")
    BILL_OF_LADING = "bill_of_lading", _("B/L (bill of lading)")


# R27: each group must hold at least one recorded document (FORM A or a C/O prove the origin).
REQUIRED_EXPORT_DOCUMENTS = (
    (ExportDocumentKind.FORM_A, ExportDocumentKind.CERTIFICATE_OF_ORIGIN),
    (ExportDocumentKind.CUSTOMS_DECLARATION,),
    (ExportDocumentKind.BILL_OF_LADING,),
)


class PaymentKind(models.TextChoices):
    DEPOSIT = "deposit", _("Deposit")
    BALANCE = "balance", _("Balance")
    LC_NEGOTIATION = "lc_negotiation", _("L/C negotiation")


class DeductionSource(models.TextChoices):
    CLAIM = "claim", _("Customer claim")
    DEDUCTION = "deduction", _("Deduction")
    COMPLAINT = "complaint", _("Complaint")
    # R31: the correction agreed when a disputed statement is resolved.
    CREDIT_NOTE = "credit", _("Credit note (statement correction)")


class PaymentStatus(models.TextChoices):
    """R21: where an order's money stands."""

    PAID = "paid", _("Paid")
    PENDING = "pending", _("Pending")
    PARTIAL = "partial", _("Partly paid")
    OVERDUE = "overdue", _("Overdue")


PAYMENT_STATUS_COLOURS = {
    PaymentStatus.PAID: "green",
    PaymentStatus.PENDING: "grey",
    PaymentStatus.PARTIAL: "blue",
    PaymentStatus.OVERDUE: "red",
}

INSPECTION_LEVEL_CHOICES = [(level, level) for level in LEVELS]
AQL_CHOICES = [(value, value) for value in AQL_VALUES]

# Ageing buckets of the collections page: (label, first day overdue, last day or None).
AGEING_BUCKETS = (
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("90+", 91, None),
)


class DispatchStep(models.TextChoices):
    """R15 (seed 003, 訂單銷貨作業流程): the steps of one dispatch, in their required order."""

    SLIP_DRAWN = "slip_drawn", _("Stock preparation slip drawn up")
    PRICES_APPROVED = "prices_approved", _("Prices approved by sales administration")
    PREPARED = "prepared", _("Goods prepared and confirmed by the warehouse")
    NOTE_PRINTED = "note_printed", _("Delivery note printed by finance")
    NOTE_SIGNED = "note_signed", _("Delivery note prices checked and signed")
    SHIPPED = "shipped", _("Shipped by the warehouse")
    SENT = "sent", _("Delivery note and waybill sent to the customer")


DISPATCH_STEP_ORDER = tuple(DispatchStep)

DISPATCH_STEP_COLOURS = {
    DispatchStep.SLIP_DRAWN: "grey",
    DispatchStep.PRICES_APPROVED: "blue",
    DispatchStep.PREPARED: "blue",
    DispatchStep.NOTE_PRINTED: "blue",
    DispatchStep.NOTE_SIGNED: "orange",
    DispatchStep.SHIPPED: "green",
    DispatchStep.SENT: "green",
}

# The timeline's action code of each dispatch step.
DISPATCH_ACTIONS = {step: f"dispatch_{step}" for step in DispatchStep.values}


# What the shipping app's timeline events are called on the order page.
class ShippingEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    # The plan tells an inline report from a final booking by these codes (inspection_action).
    INLINE_INSPECTION_BOOKED = "inline_inspection_booked", _("Inline inspection booked")
    FINAL_INSPECTION_BOOKED = "final_inspection_booked", _("Final inspection booked")
    REINSPECTION_INSPECTION_BOOKED = "reinspection_inspection_booked", _("Re-inspection booked")
    INLINE_INSPECTION_RECORDED = (
        "inline_inspection_recorded",
        _("Inline inspection report recorded"),
    )
    FINAL_INSPECTION_RECORDED = "final_inspection_recorded", _("Final inspection report recorded")
    REINSPECTION_INSPECTION_RECORDED = (
        "reinspection_inspection_recorded",
        _("Re-inspection report recorded"),
    )
    INSPECTION_FAILURE_DECIDED = "inspection_failure_decided", _("Decision on a failed inspection")
    INSPECTION_CERTIFICATE_ISSUED = (
        "inspection_certificate_issued",
        _("Inspection certificate issued"),
    )
    LG_LETTER_CREATED = "lg_letter_created", _("L/G letter prepared")
    LG_LETTER_SIGNED = "lg_letter_signed", _("L/G letter signed by the factory")
    LG_SHIPMENT_APPROVED = "lg_shipment_approved", _("Shipment under L/G approved")
    SHIPPING_MARKS_SAVED = "shipping_marks_saved", _("Shipping marks saved")
    SHIPPING_MARKS_CONFIRMED = (
        "shipping_marks_confirmed",
        _("Shipping marks confirmed by the customer"),
    )
    PACKING_LIST_GENERATED = "packing_list_generated", _("Packing list generated")
    COMMERCIAL_INVOICE_ISSUED = "commercial_invoice_issued", _("Commercial invoice issued")
    FREIGHT_BOOKED = "freight_booked", _("Freight booked")
    EXPORT_DOCUMENT_RECORDED = "export_document_recorded", _("Export document recorded")
    PAYMENT_RECORDED = "payment_recorded", _("Payment recorded")
    DEDUCTION_RECORDED = "deduction_recorded", _("Claim or deduction recorded")
    DISPATCH_SLIP_DRAWN = "dispatch_slip_drawn", _("Stock preparation slip drawn up")
    DISPATCH_PRICES_APPROVED = (
        "dispatch_prices_approved",
        _("Stock preparation slip: prices approved"),
    )
    DISPATCH_PREPARED = "dispatch_prepared", _("Goods prepared: quantities and cartons confirmed")
    DISPATCH_NOTE_PRINTED = "dispatch_note_printed", _("Delivery note printed")
    DISPATCH_NOTE_SIGNED = "dispatch_note_signed", _("Delivery note checked and signed")
    DISPATCH_SHIPPED = "dispatch_shipped", _("Goods shipped with waybill")
    DISPATCH_SENT = "dispatch_sent", _("Delivery note and waybill sent to the customer")
    INVOICE_REQUESTED = "invoice_requested", _("Invoice request raised (R34)")
    INVOICE_REQUEST_APPROVED = "invoice_request_approved", _("Invoice request approved (R34)")
    INVOICE_REQUEST_REFUSED = "invoice_request_refused", _("Invoice request refused (R34)")


def inspection_action(kind: str, event: str) -> str:
    """The timeline code of an inspection event, e.g. final_inspection_booked."""
    return f"{kind}_inspection_{event}"


class InvoiceRequestStatus(models.TextChoices):
    """R34: the invoice request (開票申請單) from the merchandiser to finance."""

    REQUESTED = "requested", _("Waiting for approval")
    APPROVED = "approved", _("Approved: finance may invoice")
    REFUSED = "refused", _("Refused")
    INVOICED = "invoiced", _("Invoiced")


INVOICE_REQUEST_COLOURS = {
    InvoiceRequestStatus.REQUESTED: "yellow",
    InvoiceRequestStatus.APPROVED: "blue",
    InvoiceRequestStatus.REFUSED: "red",
    InvoiceRequestStatus.INVOICED: "green",
}
