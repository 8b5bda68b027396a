"""Every write of the complaints app. Views, the admin and tests call these."""

from complaints.services.claims import factory_claim_raise
from complaints.services.complaints import (
    complaint_analyse,
    complaint_approve,
    complaint_attach,
    complaint_file,
    complaint_remedy_shipped,
    complaint_reply,
)
from complaints.services.receiving import (
    return_note_issue,
    return_note_send,
    return_receive,
    return_sign_off,
    unannounced_arrival_record,
)
from complaints.services.returns import (
    return_apply,
    return_approve,
    return_notify_customer,
    return_refuse,
)

__all__ = [
    "complaint_analyse",
    "complaint_approve",
    "complaint_attach",
    "complaint_file",
    "complaint_remedy_shipped",
    "complaint_reply",
    "factory_claim_raise",
    "return_apply",
    "return_approve",
    "return_note_issue",
    "return_note_send",
    "return_notify_customer",
    "return_receive",
    "return_refuse",
    "return_sign_off",
    "unannounced_arrival_record",
]
