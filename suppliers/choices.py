"""Every status of the suppliers app with its label and colour, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupplierKind(models.TextChoices):
    FABRIC_MILL = "fabric_mill", _("Fabric mill")
    TRIM_SUPPLIER = "trim_supplier", _("Trim supplier")
    TEST_LAB = "test_lab", _("Test lab")
    INSPECTION_COMPANY = "inspection_company", _("Inspection company")


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Decider(models.TextChoices):
    """Who gave a colour or swatch decision (R2: the customer when it asks, or when we and the
    factory cannot agree)."""

    MERCHANDISER = "merchandiser", _("Merchandiser")
    CUSTOMER = "customer", _("Customer")


class CustomerDecisionReason(models.TextChoices):
    CUSTOMER_ASKED = "customer_asked", _("The customer asked to approve it")
    NO_AGREEMENT = "no_agreement", _("Merchandiser and factory could not agree")


class TrimSource(models.TextChoices):
    FACTORY = "factory", _("Factory-sourced (廠訂)")
    CUSTOMER_NOMINATED = "customer_nominated", _("Customer-nominated (客代訂)")
    CUSTOMER_SUPPLIED = "customer_supplied", _("Customer-supplied (客供)")


class ProcurementStatus(models.TextChoices):
    NOT_ORDERED = "not_ordered", _("Not ordered")
    ORDERED = "ordered", _("Ordered")
    CONFIRMED = "confirmed", _("Confirmed")
    IN_HOUSE = "in_house", _("In-house")


# The order a material walks; it never steps back.
PROCUREMENT_STEPS = [
    ProcurementStatus.NOT_ORDERED,
    ProcurementStatus.ORDERED,
    ProcurementStatus.CONFIRMED,
    ProcurementStatus.IN_HOUSE,
]


class LabResult(models.TextChoices):
    PENDING = "pending", _("Pending")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class TrimCardStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned to the factory with errors")
    APPROVED = "approved", _("Approved and signed")


# Every change this app writes on the order's timeline, under `OrderEvent.action`.
class SupplierEvent(models.TextChoices):
    """Every action code this app records on the order's timeline (OrderEvent.action),
    with its label; plan templates name these codes (MilestoneTemplate.completed_by)."""

    FABRIC_BOOKING_CREATED = "fabric_booking_created", _("Fabric booking added")
    FABRIC_BOOKING_EDITED = "fabric_booking_edited", _("Fabric booking changed")
    FABRIC_BOOKING_SIGNED = "fabric_booking_signed", _("Fabric booking signed (R2)")
    FABRIC_BOOKING_SENT = "fabric_booking_sent", _("Fabric booking sent to the factory")
    LAB_DIP_SUBMITTED = "lab_dip_submitted", _("Colour standard submitted")
    LAB_DIP_APPROVED = "lab_dip_approved", _("Colour standard approved")
    LAB_DIP_REJECTED = "lab_dip_rejected", _("Colour standard rejected")
    BULK_FABRIC_SUBMITTED = "bulk_fabric_submitted", _("Bulk fabric swatch submitted")
    BULK_FABRIC_APPROVED = "bulk_fabric_approved", _("Bulk fabric swatch approved and signed")
    BULK_FABRIC_REJECTED = "bulk_fabric_rejected", _("Bulk fabric swatch rejected")
    LAB_TEST_SENT = "lab_test_sent", _("Fabric sent to the lab")
    LAB_TEST_PASSED = "lab_test_passed", _("Lab test passed")
    LAB_TEST_FAILED = "lab_test_failed", _("Lab test failed (R3)")
    TRIM_ADDED = "trim_added", _("Trim added")
    TRIM_PICTURE = "trim_picture", _("Trim picture saved")
    TRIM_LIST_SENT = "trim_list_sent", _("Trim list with pictures sent to the factory (R24)")
    SEASON_TRIM_APPLIED = "season_trim_applied", _("Season-approved trim applied")
    PROCUREMENT = "procurement", _("Material procurement updated")
    TRIM_CARD_RECEIVED = "trim_card_received", _("Trim card received from the factory (R1)")
    TRIM_CARD_RETURNED = (
        "trim_card_returned",
        _("Trim card returned to the factory with errors (R1)"),
    )
    TRIM_CARD_APPROVED = "trim_card_approved", _("Trim card signed: one copy to QC, one filed (R1)")
