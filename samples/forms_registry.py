"""The samples app's printable forms: the two comment letter layouts and the approval tag."""

import os

from django.utils.translation import gettext_lazy as _

from orders.documents.attachments import guess_mimetype
from orders.documents.builtin_forms import ORDER_LIVE
from orders.documents.registry import Attachment, FormSpec, register_form
from orders.documents.rules import Requirement, SendRule
from samples.choices import LetterLayout, LetterStatus, SampleStatus
from samples.permissions import can_work_on_samples

HANG_TAG = "TAG-APPROVAL"


def _letter_context(letter) -> dict:
    sample = letter.sample
    return {
        "letter": letter,
        "sample": sample,
        "order": sample.order,
        "measurements": list(sample.measurements.all()),
        "discrepancies": list(sample.discrepancies.select_related("measurement")),
    }


def _sample_context(sample) -> dict:
    return {"sample": sample, "order": sample.order}


def _customer_letter_file(letter) -> list[Attachment]:
    """R4: the customer's own letter is what the factory works to; our cover sheet alone would
    only say that it exists."""

    if not (letter.is_uploaded and letter.document):
        return []
    with letter.document.open("rb") as uploaded:
        content = uploaded.read()
    filename = os.path.basename(letter.document.name)
    return [Attachment(filename, content, guess_mimetype(filename, content))]


def letter_form_code(letter) -> str:
    return letter.form_code


# R4: the group head signs the letter before it leaves; a withdrawn letter never leaves.
LETTER_SEND_RULE = SendRule(
    who=can_work_on_samples,
    who_refusal=_("You may not send this letter."),
    when=(
        Requirement(
            lambda letter: letter.is_signed, _("the group head has not signed the letter (R4)")
        ),
        Requirement(
            lambda letter: letter.status != LetterStatus.WITHDRAWN,
            _("the letter was withdrawn for a newer one"),
        ),
        ORDER_LIVE,
    ),
)

# The tag carries the approval date and signer: only an approved sample has them.
TAG_SEND_RULE = SendRule(
    who=can_work_on_samples,
    when=(
        Requirement(
            lambda sample: sample.status == SampleStatus.APPROVED,
            _("the sample is not approved"),
        ),
    ),
)


def register_forms() -> None:
    letter_common = {
        "model": "samples.CommentLetter",
        "order_of": lambda letter: letter.sample.order,
        "recipient": lambda letter: letter.sample.order.factory,
        "context": _letter_context,
        "reference": lambda letter: f"{letter.sample.order} · {letter.sample}",
        "attachments": _customer_letter_file,
        "send_rule": LETTER_SEND_RULE,
    }
    register_form(
        FormSpec(
            code=LetterLayout.CUSTOMER.value,
            name=_("Sample comment letter (customer's layout)"),
            template="samples/forms/comment_letter_customer.html",
            **letter_common,
        )
    )
    register_form(
        FormSpec(
            code=LetterLayout.HOUSE.value,
            name=_("Sample comment letter"),
            template="samples/forms/comment_letter_house.html",
            **letter_common,
        )
    )
    register_form(
        FormSpec(
            code=HANG_TAG,
            name=_("APPROVAL SAMPLE hang tag"),
            model="samples.SampleRequest",
            template="samples/forms/approval_tag.html",
            order_of=lambda sample: sample.order,
            recipient=lambda sample: sample.order.factory,
            context=_sample_context,
            reference=lambda sample: str(sample.order),
            send_rule=TAG_SEND_RULE,
        )
    )
