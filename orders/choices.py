"""Every status of the orders app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The languages a party reads; the codes are Django's language codes."""

    ENGLISH = "en", _("English")
    TRADITIONAL_CHINESE = "zh-hant", _("Traditional Chinese")
    SIMPLIFIED_CHINESE = "zh-hans", _("Simplified Chinese")


class Stage(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    IN_PRODUCTION = "in_production", _("In production")
    INSPECTION = "inspection", _("Inspection")
    SHIPPING = "shipping", _("Shipping")
    SETTLED = "settled", _("Settled")
    ON_HOLD = "on_hold", _("On hold")
    CANCELLED = "cancelled", _("Cancelled")


STAGE_COLOURS = {
    Stage.RECEIVED: "grey",
    Stage.IN_REVIEW: "blue",
    Stage.APPROVED: "cyan",
    Stage.IN_PRODUCTION: "indigo",
    Stage.INSPECTION: "orange",
    Stage.SHIPPING: "teal",
    Stage.SETTLED: "green",
    Stage.ON_HOLD: "yellow",
    Stage.CANCELLED: "red",
}

# The states an order walks, in order. "Approved" is the end of the review stage: the contract
# is approved and the order waits for its production gates (payment, samples, materials).
LIFECYCLE = [
    Stage.RECEIVED,
    Stage.IN_REVIEW,
    Stage.APPROVED,
    Stage.IN_PRODUCTION,
    Stage.INSPECTION,
    Stage.SHIPPING,
    Stage.SETTLED,
]
ACTIVE_STAGES = LIFECYCLE[:-1]
CANCELLABLE_STAGES = LIFECYCLE[: LIFECYCLE.index(Stage.SHIPPING)]
# An order can miss its ex-factory date only until it ships: once shipping, the date is behind
# it and what remains open is papers and payment, not lateness.
NOT_YET_SHIPPED_STAGES = LIFECYCLE[: LIFECYCLE.index(Stage.SHIPPING)]

# R10: from here on the contract review is approved; forms that commit us to the factory wait.
CONTRACT_APPROVED_STAGES = LIFECYCLE[LIFECYCLE.index(Stage.APPROVED) :]

# R11: payments can clear the production gate only while production has not started.
PAYMENT_GATE_OPEN_STAGES = (Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED)

# The transition that moves an order on from each state, in lifecycle order.
NEXT_TRANSITION = {
    Stage.RECEIVED: "submit_for_review",
    Stage.IN_REVIEW: "approve",
    Stage.APPROVED: "start_production",
    Stage.IN_PRODUCTION: "start_inspection",
    Stage.INSPECTION: "ship",
    Stage.SHIPPING: "settle",
}


class PaymentTerms(models.TextChoices):
    LETTER_OF_CREDIT = "lc", _("L/C (letter of credit)")
    TELEGRAPHIC_TRANSFER = "tt", _("T/T (wire transfer)")
    DOCUMENTS_AGAINST_PAYMENT = "dp", _("D/P (documents against payment)")
    DOCUMENTS_AGAINST_ACCEPTANCE = "da", _("D/A (documents against acceptance)")
    OPEN_ACCOUNT = "oa", _("Open account")


class Currency(models.TextChoices):
    USD = "USD", "USD"
    EUR = "EUR", "EUR"
    GBP = "GBP", "GBP"
    HKD = "HKD", "HKD"
    CNY = "CNY", "CNY"
    JPY = "JPY", "JPY"


class Incoterm(models.TextChoices):
    FOB = "FOB", "FOB"
    CIF = "CIF", "CIF"
    CFR = "CFR", "CFR"
    EXW = "EXW", "EXW"
    FCA = "FCA", "FCA"
    DDP = "DDP", "DDP"
    DAP = "DAP", "DAP"


class CreditClass(models.TextChoices):
    A = "A", _("A (best)")
    B = "B", _("B")
    C = "C", _("C")


class Settlement(models.TextChoices):
    """How a customer settles (R20): order by order, or on a monthly statement (月結)."""

    PER_SHIPMENT = "per_shipment", _("Per shipment")
    MONTHLY = "monthly", _("Monthly statement (月結)")


class ApprovalStep(models.TextChoices):
    """The contract review chain of R10, in the order the signatures are given."""

    MERCHANDISER = "merchandiser", _("Merchandiser signs")
    DEPARTMENT_MANAGER = "department_manager", _("Department manager approves")
    ADMINISTRATION = "administration", _("Administration reviews")
    GENERAL_MANAGER = "general_manager", _("General manager approves")


APPROVAL_CHAIN = [
    ApprovalStep.MERCHANDISER,
    ApprovalStep.DEPARTMENT_MANAGER,
    ApprovalStep.ADMINISTRATION,
    ApprovalStep.GENERAL_MANAGER,
]


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Clearance(models.TextChoices):
    """What can clear the payment gate of R11."""

    LC_RECEIVED = "lc_received", _("L/C received")
    LC_CHECKED_BY_MERCHANDISER = "lc_checked_merchandiser", _("L/C checked by merchandiser")
    LC_CHECKED_BY_DOCUMENTS = "lc_checked_documents", _("L/C checked by documents clerk")
    DEPOSIT_CONFIRMED = "deposit_confirmed", _("T/T deposit confirmed by finance")
    CREDIT_APPROVED = "credit_approved", _("Open account / D/A / D/P approved by a manager")
    GM_EXCEPTION = "gm_exception", _("General manager's exception")


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    TRANSITION = "transition", _("Stage changed")
    APPROVAL = "approval", _("Approved")
    REJECTION = "rejection", _("Rejected")
    CONTRACT_CHECK = "contract_check", _("Contract check")
    PAYMENT = "payment", _("Payment gate")
    DOCUMENT = "document", _("Document")
    NOTE = "note", _("Note")


# What each transition is called on a button and in the timeline.
TRANSITION_LABELS = {
    "submit_for_review": _("Submit for review"),
    "return_for_changes": _("Return for changes"),
    "approve": _("Approve contract"),
    "start_production": _("Start production"),
    "start_inspection": _("Start inspection"),
    "ship": _("Ship"),
    "settle": _("Settle"),
    "cancel": _("Cancel order"),
    "hold": _("Put on hold"),
    "resume": _("Resume"),
}

# Transitions that need the user to say why.
TRANSITIONS_NEEDING_REASON = {"return_for_changes", "cancel", "hold"}


class ImportStatus(models.TextChoices):
    """A P/O import: checked (the dry run) before anything is written, then written at once."""

    UPLOADED = "uploaded", _("Waiting to be checked")
    CHECKING = "checking", _("Checking")
    READY = "ready", _("Ready to import")
    REJECTED = "rejected", _("Has errors: nothing imported")
    IMPORTING = "importing", _("Importing")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Failed: nothing imported")


IMPORT_STATUS_COLOURS = {
    ImportStatus.UPLOADED: "grey",
    ImportStatus.CHECKING: "blue",
    ImportStatus.READY: "cyan",
    ImportStatus.REJECTED: "red",
    ImportStatus.IMPORTING: "blue",
    ImportStatus.IMPORTED: "green",
    ImportStatus.FAILED: "red",
}
# The statuses in which a task is (or will be) working on the import: the page polls.
IMPORT_RUNNING = (ImportStatus.UPLOADED, ImportStatus.CHECKING, ImportStatus.IMPORTING)


class ImportPhase(models.TextChoices):
    READING = "reading", _("Reading the file")
    CHECKING = "checking", _("Checking the rows")
    WRITING = "writing", _("Writing the orders")


class CustomerDocumentKind(models.TextChoices):
    """R9: the standing documents of a customer's master file (總檔)."""

    CONTRACT = "contract", _("Contract / agreement")
    STANDARD = "standard", _("Standard (quality, testing, packing)")
    PRICE_LIST = "price_list", _("Price list")
    WORK_PLAN = "work_plan", _("Customer work plan")
    OTHER = "other", _("Other")


class FeedbackRating(models.TextChoices):
    """R30: how the customer rates one aspect on its feedback form (客户意见反馈表)."""

    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    POOR = "poor", _("Poor")


class FeedbackEvent(models.TextChoices):
    """R30's action code on the order's timeline, with its label."""

    CUSTOMER_FEEDBACK_RECORDED = "customer_feedback_recorded", _("Customer feedback recorded (R30)")


class MemoEvent(models.TextChoices):
    """R32's action codes on the order's timeline, with their labels."""

    MEMO_SENT = "memo_sent", _("Work memo sent (R32)")
    MEMO_ACKNOWLEDGED = "memo_acknowledged", _("Work memo acknowledged (R32)")
    MEMO_WITHDRAWN = "memo_withdrawn", _("Work memo withdrawn")


class RepeatEvent(models.TextChoices):
    """R28's action codes on the order's timeline, with their labels."""

    REPEAT_CREATED = "repeat_created", _("Repeat order entered (R28)")
    ORDER_REPEATED = "order_repeated", _("Order repeated (R28)")
    REPEAT_ARTWORK_CONFIRMED = (
        "repeat_artwork_confirmed",
        _("Customer confirmed the repeat's artwork and shipping marks (R28)"),
    )
