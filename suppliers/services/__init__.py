from suppliers.services.fabric import (
    FABRIC_BOOKING_FORM,
    bulk_fabric_decide,
    bulk_fabric_submit,
    fabric_booking_create,
    fabric_booking_send,
    fabric_booking_sign,
    fabric_booking_update,
    lab_dip_decide,
    lab_dip_submit,
)
from suppliers.services.lab_tests import lab_test_record_results, lab_test_send
from suppliers.services.procurement import procurement_update
from suppliers.services.trim_list import TRIM_LIST_FORM, trim_list_send, trim_picture_set
from suppliers.services.trims import (
    season_trim_approve,
    trim_apply_season_approval,
    trim_card_approve,
    trim_card_receive,
    trim_card_return,
    trim_create,
)

__all__ = [
    "FABRIC_BOOKING_FORM",
    "TRIM_LIST_FORM",
    "bulk_fabric_decide",
    "bulk_fabric_submit",
    "fabric_booking_create",
    "fabric_booking_send",
    "fabric_booking_sign",
    "fabric_booking_update",
    "lab_dip_decide",
    "lab_dip_submit",
    "lab_test_record_results",
    "lab_test_send",
    "procurement_update",
    "season_trim_approve",
    "trim_apply_season_approval",
    "trim_card_approve",
    "trim_card_receive",
    "trim_card_return",
    "trim_create",
    "trim_list_send",
    "trim_picture_set",
]
