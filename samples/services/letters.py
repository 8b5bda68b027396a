"""The sample comment letter (覆辦信, R4): prepared or uploaded, signed, then sent."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.documents.services import customer_recipient, document_send
from orders.services.common import ActionRefused, lock_with_order, perform
from orders.timeline import event_message
from orders.uploads import upload_checked
from samples.choices import LetterLayout, LetterStatus, SampleEvent, SampleStatus
from samples.forms_registry import letter_form_code
from samples.models import CommentLetter, SampleRequest
from samples.permissions import can_work_on_samples
from samples.services.common import record_sample_event

_REPLACEABLE = (LetterStatus.DRAFT, LetterStatus.SIGNED)


def comment_letter_create(
    *, sample_id: int, user, layout: str = LetterLayout.HOUSE, remarks: str = ""
) -> CommentLetter:
    """Prepare our letter from the recorded check; it waits for the group head's signature."""
    if layout not in (LetterLayout.HOUSE, LetterLayout.CUSTOMER):
        raise ActionRefused(_("Choose the house layout or the customer's layout."))
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not write this letter."),
        )
        if sample.checked_at is None or sample.status == SampleStatus.REQUESTED:
            raise ActionRefused(_("Record the sample's check first: the letter lists its result."))
        _withdraw_unsent(sample, user)
        letter = CommentLetter.objects.create(
            sample=sample, layout=layout, remarks=remarks, created_by=user
        )
        record_sample_event(
            sample,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SampleEvent.COMMENT_LETTER_PREPARED,
            detail=event_message("%(layout)s", layout=LetterLayout(layout).label),
        )
    return letter


def _may_start_text(may_start: bool) -> dict:
    return event_message(
        gettext_noop("production may start") if may_start else gettext_noop("must correct")
    )


def comment_letter_upload(
    *, sample_id: int, user, document, production_may_start: bool | None, remarks: str = ""
) -> CommentLetter:
    """R4: the customer's own letter is used instead of ours; it must say whether production
    may start, and the group head still signs it before it goes to the factory."""
    if production_may_start is None:
        raise ActionRefused(
            _("Read on the customer's letter whether production may start, and record it.")
        )
    if not document:
        raise ActionRefused(_("Attach the customer's letter."))
    upload_checked(document, "document")
    with transaction.atomic():
        _order, sample = lock_with_order(
            SampleRequest,
            sample_id,
            user=user,
            allowed=can_work_on_samples,
            refusal=_("You may not upload this letter."),
        )
        _withdraw_unsent(sample, user)
        letter = CommentLetter.objects.create(
            sample=sample,
            layout=LetterLayout.UPLOADED,
            document=document,
            production_may_start=production_may_start,
            remarks=remarks,
            created_by=user,
        )
        record_sample_event(
            sample,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SampleEvent.COMMENT_LETTER_UPLOADED,
            detail=_may_start_text(production_may_start),
        )
    return letter


def comment_letter_sign(*, letter: CommentLetter, user) -> CommentLetter:
    """R4: the group head (or a manager) signs the letter before it leaves; our letter's
    answer to "may production start?" is frozen at this moment."""
    with transaction.atomic():
        order, letter = lock_with_order(CommentLetter, letter.pk, via="sample__order")
        perform(
            letter,
            "sign",
            user=user,
            not_yours=_(
                "Only the group head of the order's team or a manager signs comment letters."
            ),
            not_possible=_("This letter is %(status)s.") % {"status": letter.get_status_display()},
            by=user,
            at=timezone.now(),
        )
        letter.save()
        record_sample_event(
            letter.sample,
            user=user,
            kind=EventKind.APPROVAL,
            action=SampleEvent.COMMENT_LETTER_SIGNED,
            detail=_may_start_text(letter.may_start),
        )
    return letter


def comment_letter_send(
    *, letter: CommentLetter, user, to_customer: bool = False, language: str | None = None
) -> CommentLetter:
    """Send the signed letter through the forms machinery, which renders it in the recipient's
    language (or the one the sender chose), records the sent document on the order and can
    re-send it: the factory's copy, or the customer's to its first contact with an e-mail."""
    with transaction.atomic():
        order, letter = lock_with_order(CommentLetter, letter.pk, via="sample__order")
        # The form's send rule refuses an unsigned or withdrawn letter (R4) and other users.
        recipient = customer_recipient(order.customer) if to_customer else None
        _send_via_forms_machinery(letter, user, recipient, language)
        if to_customer:
            record_sample_event(
                letter.sample,
                user=user,
                kind=EventKind.DOCUMENT,
                action=SampleEvent.COMMENT_LETTER_SENT_TO_CUSTOMER,
                comment=str(order.customer),
            )
            return letter
        perform(letter, "send_to_factory", user=user, by=user, at=timezone.now())
        letter.save(update_fields=["sent_by", "sent_at", "status"])
        record_sample_event(
            letter.sample,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SampleEvent.COMMENT_LETTER_SENT,
            comment=str(order.factory),
        )
    return letter


def _send_via_forms_machinery(letter: CommentLetter, user, recipient, language) -> None:
    document_send(
        spec_code=letter_form_code(letter),
        obj=letter,
        user=user,
        recipient=recipient,
        language=language,
    )


def _withdraw_unsent(sample: SampleRequest, user) -> None:
    for old in sample.letters.filter(status__in=_REPLACEABLE):
        old.sample = sample
        perform(old, "withdraw", user=user)
        old.save(update_fields=["status"])
        record_sample_event(
            sample,
            user=user,
            kind=EventKind.DOCUMENT,
            action=SampleEvent.COMMENT_LETTER_WITHDRAWN,
            detail=event_message("%(layout)s", layout=LetterLayout(old.layout).label),
        )
