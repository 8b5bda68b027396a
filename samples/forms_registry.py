"""The samples app's printable forms: the two comment letter layouts and the approval tag."""

import os

from django.utils.translation import gettext_lazy as _

from orders.documents.registry import Attachment, FormSpec, register_form
from samples.choices import LetterLayout

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
    from orders.documents.attachments import guess_mimetype

    if not (letter.is_uploaded and letter.document):
        return []
    with letter.document.open("rb") as uploaded:
        content = uploaded.read()
    filename = os.path.basename(letter.document.name)
    return [Attachment(filename, content, guess_mimetype(filename, content))]


def letter_form_code(letter) -> str:
    """The registered form that prints a letter; a customer's uploaded letter travels with our
    house cover sheet, which states the customer's answer and the group head's signature."""
    return LetterLayout.HOUSE if letter.layout == LetterLayout.UPLOADED else letter.layout


def register_forms() -> None:
    letter_common = {
        "model": "samples.CommentLetter",
        "order_of": lambda letter: letter.sample.order,
        "recipient": lambda letter: letter.sample.order.factory,
        "context": _letter_context,
        "reference": lambda letter: f"{letter.sample.order} · {letter.sample}",
        "attachments": _customer_letter_file,
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
        )
    )
