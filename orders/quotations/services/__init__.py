from orders.quotations.services.editing import costing_save, quotation_create, quotation_update
from orders.quotations.services.lifecycle import (
    quotation_approve,
    quotation_expire,
    quotation_lose,
    quotation_reject,
    quotation_requote,
    quotation_send,
    quotation_submit,
    quotation_win,
    quotations_expire_due,
)
from orders.quotations.services.ordering import quotation_create_order

__all__ = [
    "costing_save",
    "quotation_approve",
    "quotation_create",
    "quotation_create_order",
    "quotation_expire",
    "quotation_lose",
    "quotation_reject",
    "quotation_requote",
    "quotation_send",
    "quotation_submit",
    "quotation_update",
    "quotation_win",
    "quotations_expire_due",
]
