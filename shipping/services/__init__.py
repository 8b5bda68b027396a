"""Every write of the shipping app: views, admin actions, tasks and gates call these."""

from shipping.services.inspections import (
    failure_decide,
    inspection_book,
    inspection_report_record,
)
from shipping.services.invoice_requests import (
    invoice_request_approve,
    invoice_request_raise,
    invoice_request_refuse,
)
from shipping.services.letters import (
    guarantee_letter_approve,
    guarantee_letter_create,
    guarantee_letter_record_signature,
)
from shipping.services.settlement import deduction_record, payment_record
from shipping.services.shipment import (
    commercial_invoice_issue,
    export_document_record,
    freight_book,
    packing_list_generate,
    shipping_marks_confirm,
    shipping_marks_save,
)

__all__ = [
    "commercial_invoice_issue",
    "deduction_record",
    "export_document_record",
    "failure_decide",
    "freight_book",
    "guarantee_letter_approve",
    "guarantee_letter_create",
    "guarantee_letter_record_signature",
    "inspection_book",
    "inspection_report_record",
    "invoice_request_approve",
    "invoice_request_raise",
    "invoice_request_refuse",
    "packing_list_generate",
    "payment_record",
    "shipping_marks_confirm",
    "shipping_marks_save",
]
