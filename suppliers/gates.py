"""The materials gates of start_production, registered from SuppliersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from orders.gates import register_gate
from suppliers import rules

TRANSITION = "start_production"


def register() -> None:
    register_gate(
        transition=TRANSITION,
        code="fabric_booking_signed",
        label=_("Fabric booked and signed by the group head (R2)"),
        cleared_by=_("Merchandiser books; group head or department manager signs"),
        check=rules.fabric_bookings_signed,
    )
    register_gate(
        transition=TRANSITION,
        code="colour_standards_approved",
        label=_("Colour standard approved for every colourway"),
        cleared_by=_("Merchandiser, or the customer"),
        check=rules.colour_standards_approved,
    )
    register_gate(
        transition=TRANSITION,
        code="bulk_fabric_approved",
        label=_("Bulk fabric swatch approved and signed (R2)"),
        cleared_by=_("Merchandiser, or the customer"),
        check=rules.bulk_fabric_approved,
    )
    register_gate(
        transition=TRANSITION,
        code="lab_tests_passed",
        label=_("Bulk fabric tests passed at an approved lab (R3)"),
        cleared_by=_("Merchandiser or QC records the lab's result"),
        check=rules.lab_tests_passed,
        applies=rules.tests_required,
    )
    register_gate(
        transition=TRANSITION,
        code="trim_card_approved",
        label=_("Trim card approved, or every trim approved for the season (R1)"),
        cleared_by=_("Merchandiser"),
        check=rules.trim_card_approved,
    )
