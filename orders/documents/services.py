"""Writes of the forms machinery: send a form, record the factory's confirmation."""

from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders import permissions
from orders.choices import EventKind
from orders.documents import attachments, rules
from orders.documents.choices import DocumentAction, DocumentStatus
from orders.documents.recipients import Recipient
from orders.documents.registry import get_form
from orders.documents.render import LANGUAGES
from orders.documents.selectors import documents_altered_by, held_documents, replacement_of
from orders.models import SentDocument
from orders.outbox.services import new_message_id, outbox_enqueue
from orders.services.common import ActionRefused, lock_order, lock_row, record_event
from orders.uploads import upload_checked


def customer_recipient(customer) -> Recipient:
    """The customer's first contact with an e-mail address, in the customer's language (forms
    to the customer go there; without such a contact the send is refused, naming the customer)."""
    contact = next((c for c in customer.contacts.all() if c.email), None)
    return Recipient(customer.name, contact.email if contact else "", customer.language)


def document_send(
    *, spec_code: str, obj, user, recipient=None, language: str | None = None
) -> SentDocument:
    """Record the next version of this form for this object and e-mail it after the commit.
    The form's send rule decides who may send it and when; `language` overrides the
    recipient's (the sender chose another of the three)."""

    try:
        spec = get_form(spec_code)
    except KeyError as exc:
        raise ActionRefused(_("There is no form %(code)s.") % {"code": spec_code}) from exc
    order = spec.order_of(obj)
    refused = rules.refusal(spec, obj, order, user)
    if refused:
        raise ActionRefused(refused)
    to = Recipient.of(recipient if recipient is not None else spec.recipient(obj))
    if language:
        to = replace(to, language=language)
    if not to.email:
        raise ActionRefused(_("%(name)s has no e-mail address.") % {"name": to.name})
    if to.language not in LANGUAGES:
        raise ActionRefused(_("Unknown language %(code)s.") % {"code": to.language})

    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        order = _lock_owner(obj, order)  # serialises version numbers
        same = SentDocument.objects.filter(
            order=order, form_code=spec.code, content_type=content_type, object_id=obj.pk
        )
        version = (same.aggregate(last=Max("version"))["last"] or 0) + 1
        message_id = new_message_id()
        outbox = outbox_enqueue(
            kind="document", recipient=to.email, payload={}, message_id=message_id
        )
        document = SentDocument.objects.create(
            outbox=outbox,
            order=order,
            form_code=spec.code,
            content_type=content_type,
            object_id=obj.pk,
            version=version,
            recipient_name=to.name,
            recipient_email=to.email,
            recipient_language=to.language,
            sent_by=user,
            message_id=message_id,
            order_revision=order.revision if order is not None else 1,
        )
        # Copied now, while the row is made: what the user sent is what every attempt mails.
        files = attachments.snapshot(spec, obj, document.pk)
        with_files = "".join(f" + {item.filename}" for item in files)
        _note(
            document,
            actor=user,
            action=DocumentAction.SENT,
            comment=f"{spec.code} v{version} → {to.name} <{to.email}>{with_files}",
        )
        if spec.on_sent is not None:
            spec.on_sent(obj, document, user)
    return document


def _lock_owner(obj, order):
    """Lock the order the form belongs to, or, before any order, the printed object."""
    if order is not None:
        return lock_order(order.pk)
    lock_row(type(obj), pk=obj.pk)
    return None


def _note(document: SentDocument, **event) -> None:
    """The order's timeline records what happens to its forms (a form before any order has
    its own history, written by its on_sent)."""
    if document.order_id is not None:
        record_event(document.order, kind=EventKind.DOCUMENT, **event)


def document_resend(*, document: SentDocument, user) -> SentDocument:
    """The same form to the same recipient again, as the next version."""
    obj = document.printed
    if obj is None:
        raise ActionRefused(_("The printed object no longer exists."))
    recipient = Recipient(
        document.recipient_name, document.recipient_email, document.recipient_language
    )
    return document_send(spec_code=document.form_code, obj=obj, user=user, recipient=recipient)


def _checked_upload(signed_copy) -> None:
    upload_checked(signed_copy, "signed_copy")


def _locked_sent(document_id: int, message_id: str) -> SentDocument:
    document = lock_row(SentDocument, pk=document_id, message_id=message_id)
    if document.status != DocumentStatus.SENT:
        raise ActionRefused(_("This document has not been sent yet."))
    newer = replacement_of(document)
    if newer is not None:
        raise ActionRefused(
            _("Version %(version)s of this document replaces it: please use its link.")
            % {"version": newer.version}
        )
    if document.held_at_revision is not None:
        raise ActionRefused(held_message(document))
    return document


def held_message(document: SentDocument) -> str:
    """What a held version's link says (R8): which revision replaced it, and that the new
    version follows once signed."""
    return _(
        "Revision %(revision)s of order %(order)s replaces this %(form)s; its new version is "
        "sent to you once it is signed again. Please wait for it."
    ) % {
        "revision": document.held_at_revision,
        "order": document.order.po_number if document.order_id else "",
        "form": document.form_code,
    }


def _confirm(document: SentDocument, name: str, note: str = "") -> list[str]:
    document.confirmed_at = timezone.now()
    document.confirmed_by_name = name[:120]
    document.confirmation_note = note.strip()
    _note(
        document,
        action=DocumentAction.CONFIRMED,
        comment=f"{document.form_code} v{document.version}: {document.confirmed_by_name}",
    )
    return ["confirmed_at", "confirmed_by_name", "confirmation_note"]


def _attach_signed_copy(document: SentDocument, signed_copy, *, user=None, name: str) -> list[str]:
    """Store the signed copy and tell the form (the L/G letter is then signed, R7)."""
    if document.signed_copy:
        received = timezone.localtime(document.signed_copy_at or document.confirmed_at)
        raise ActionRefused(
            _("The signed copy was already received on %(date)s.")
            % {"date": f"{received:%Y-%m-%d}"}
        )
    document.signed_copy.save(signed_copy.name, signed_copy, save=False)
    document.signed_copy_at = timezone.now()
    document.signed_copy_recorded_by = user
    _note(
        document,
        actor=user,
        action=DocumentAction.SIGNED_COPY,
        comment=f"{document.form_code} v{document.version}: {name}",
    )
    spec = get_form(document.form_code)
    if spec.on_signed_copy is not None and document.printed is not None:
        spec.on_signed_copy(document.printed, document, name)
    return ["signed_copy", "signed_copy_at", "signed_copy_recorded_by"]


def documents_reissue(*, order, aspects: set[str], user) -> list[SentDocument]:
    """R8: every form already sent for this order whose content the applied change alters goes
    again, as its next version, to the same recipient: the order's new revision. The earlier
    version's link then refuses confirmation and names its replacement. A form that may not go
    yet (its signature void) is held: its link refuses confirmation at once, naming the new
    revision, and the next version goes by itself once it may (documents_release)."""
    reissued = []
    for document, spec, ready in documents_altered_by(order=order, aspects=aspects):
        if ready:
            reissued.append(document_resend(document=document, user=user))
            continue
        document.held_at_revision = order.revision
        document.save(update_fields=["held_at_revision"])
        _note(
            document,
            actor=user,
            action=DocumentAction.HELD,
            comment=f"{spec.code} v{document.version} → Rev {order.revision}: "
            + "; ".join(spec.send_rule.unmet(document.printed, order)),
        )
    return reissued


def documents_release(*, obj, user) -> list[SentDocument]:
    """The held forms of this object go now as their next version (R8), e.g. a fabric booking
    as soon as the group head signs it again (R2). Sent on behalf of whoever sent the earlier
    version, in the caller's transaction."""
    return [
        document_resend(document=document, user=document.sent_by or user)
        for document in held_documents(obj)
    ]


def document_confirm(
    *, document_id: int, message_id: str, name: str, note: str = "", signed_copy=None
) -> SentDocument:
    """The recipient confirms receipt through its link; a second confirmation changes nothing."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused(_("Please give your name."))
    if signed_copy is not None:
        _checked_upload(signed_copy)
    with transaction.atomic():
        document = _locked_sent(document_id, message_id)
        if document.is_confirmed:
            raise ActionRefused(_("Receipt of this document was already confirmed."))
        fields = _confirm(document, name, note)
        if signed_copy is not None:
            fields += _attach_signed_copy(document, signed_copy, name=document.confirmed_by_name)
        document.save(update_fields=fields)
    return document


def document_upload_signed_copy(
    *, document_id: int, message_id: str, name: str, signed_copy
) -> SentDocument:
    """The recipient sends its signed copy through its link, also after confirming receipt:
    the link stays useful until the signed copy is in."""
    name = (name or "").strip()
    if not name:
        raise ActionRefused(_("Please give your name."))
    if signed_copy is None:
        raise ActionRefused(_("Please choose the signed copy to upload."))
    _checked_upload(signed_copy)
    with transaction.atomic():
        document = _locked_sent(document_id, message_id)
        fields = [] if document.is_confirmed else _confirm(document, name)
        fields += _attach_signed_copy(document, signed_copy, name=name[:120])
        document.save(update_fields=fields)
    return document


def document_record_signed_copy(
    *, document: SentDocument, user, signed_copy, signed_by_name: str
) -> SentDocument:
    """Staff file the copy the recipient signed on paper (fax, post, scan by e-mail): it
    counts as the recipient's confirmation, recorded with who filed it."""
    signed_by_name = (signed_by_name or "").strip()
    if not signed_by_name:
        raise ActionRefused(_("Please say who signed it."))
    if signed_copy is None:
        raise ActionRefused(_("Please choose the signed copy to upload."))
    _checked_upload(signed_copy)
    with transaction.atomic():
        if document.order_id is None:
            raise ActionRefused(_("This document is kept with no order."))
        order = lock_order(document.order_id)
        if not permissions.can_edit(order, user):
            raise ActionRefused(_("You may not file documents for this order."))
        document = lock_row(SentDocument, pk=document.pk)
        if document.status != DocumentStatus.SENT:
            raise ActionRefused(_("This document has not been sent yet."))
        fields = [] if document.is_confirmed else _confirm(document, signed_by_name)
        fields += _attach_signed_copy(document, signed_copy, user=user, name=signed_by_name)
        document.save(update_fields=fields)
    return document
