"""Delivering one sent document, exactly once: claim the row, send, record.

Like Healthchecks' sendreports: a worker owns a row only if its conditional UPDATE touched it,
so a retry, a redelivered task or a second worker never mails the same row twice."""

import re
from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from orders.documents import attachments, links
from orders.documents.choices import DocumentStatus
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.selectors import merchandiser_contact
from orders.models import CompanyProfile, SentDocument

# A claim older than this is taken to be a worker that died mid-send.
CLAIM_TIMEOUT = timedelta(minutes=15)


def claim(document_id: int) -> bool:
    now = timezone.now()
    claimable = Q(status=DocumentStatus.QUEUED) | Q(
        status=DocumentStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    )
    return bool(
        SentDocument.objects.filter(claimable, pk=document_id).update(
            status=DocumentStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    )


def is_done(document_id: int) -> bool:
    return SentDocument.objects.filter(
        pk=document_id, status__in=[DocumentStatus.SENT, DocumentStatus.FAILED]
    ).exists()


def _pdf_bytes(document: SentDocument) -> bytes:
    """The PDF of the first attempt; a retry sends the very same file."""
    if document.pdf:
        with document.pdf.open("rb") as stored:
            return stored.read()
    spec = get_form(document.form_code)
    pdf = render_pdf(spec, document.printed, document.recipient_language)
    name = pdf_filename(document)
    document.pdf.save(name, ContentFile(pdf), save=False)
    SentDocument.objects.filter(pk=document.pk).update(pdf=document.pdf.name)
    return pdf


def pdf_filename(document: SentDocument) -> str:
    if document.order_id:
        reference = document.order.po_number
    else:
        reference = str(get_form(document.form_code).reference(document.printed))
        reference = re.sub(r"[^\w.-]+", "-", reference).strip("-")
    return f"{document.form_code}-{reference}-v{document.version}.pdf"


def _owner(document: SentDocument):
    return document.order if document.order_id else document.printed


def sender(document: SentDocument, company_name: str) -> str:
    """The merchandiser and the company as the display name of our sending address."""
    contact = merchandiser_contact(_owner(document))
    display = f"{contact.name} · {company_name}" if contact.name else company_name
    return formataddr((display, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


def build_message(document: SentDocument, pdf: bytes) -> EmailMessage:
    spec = get_form(document.form_code)
    contact = merchandiser_contact(_owner(document))
    letterhead = CompanyProfile.current().for_language(document.recipient_language)
    with translation.override(document.recipient_language):
        context = {
            "document": document,
            "form_name": str(spec.name),
            "order": document.order,
            "reference": spec.reference(document.printed),
            "company_name": letterhead.name,
            "letterhead": letterhead,
            "contact": contact,
            "link": links.public_url(document),
            "link_days": settings.GENDAN_DOCUMENT_LINK_DAYS,
            "extra_links": spec.mail_links(document.printed) if spec.mail_links else [],
        }
        subject = render_to_string("forms/mail/document_subject.txt", context).strip()
        body = render_to_string("forms/mail/document.txt", context)
    message = EmailMessage(
        subject,
        body,
        sender(document, letterhead.name),
        [document.recipient_email],
        reply_to=[formataddr((contact.name, contact.email))] if contact.email else None,
        headers={"Message-ID": document.message_id},
    )
    message.attach(pdf_filename(document), pdf, "application/pdf")
    for item in attachments.stored(document.pk):
        message.attach(item.filename, item.content, item.mimetype)
    return message


def deliver(document_id: int) -> None:
    """Send a claimed row. Raises on SMTP/OS errors; the caller releases the claim."""
    document = SentDocument.objects.select_related("order__merchandiser__profile").get(
        pk=document_id
    )
    message = build_message(document, _pdf_bytes(document))
    message.send(fail_silently=False)
    SentDocument.objects.filter(pk=document_id, status=DocumentStatus.SENDING).update(
        status=DocumentStatus.SENT, sent_at=timezone.now(), last_error=""
    )


def release(document_id: int, *, error: BaseException, final: bool) -> None:
    """Give the claim back after a failure: queued for the next retry, or failed for good."""
    SentDocument.objects.filter(pk=document_id, status=DocumentStatus.SENDING).update(
        status=DocumentStatus.FAILED if final else DocumentStatus.QUEUED,
        claimed_at=None,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
