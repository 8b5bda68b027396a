"""Writes go through these functions: views, admin actions and commands all call them."""

from samples.services.checks import sample_check_record
from samples.services.letters import (
    comment_letter_create,
    comment_letter_send,
    comment_letter_sign,
    comment_letter_upload,
)
from samples.services.master_files import master_file_approve
from samples.services.rounds import (
    sample_decide,
    sample_receive,
    sample_request_create,
    sample_send_to_customer,
)

__all__ = [
    "comment_letter_create",
    "comment_letter_send",
    "comment_letter_sign",
    "comment_letter_upload",
    "master_file_approve",
    "sample_check_record",
    "sample_decide",
    "sample_receive",
    "sample_request_create",
    "sample_send_to_customer",
]
