"""The e-mail of one sent document. Its outbox row (orders.outbox) claims, sends and records it
once; every attempt sends the same PDF with the same Message-ID."""

import re
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from orders.documents import attachments, links
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.selectors import merchandiser_contact
from orders.models import CompanyProfile, SentDocument


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
    )
    message.attach(pdf_filename(document), pdf, "application/pdf")
    for item in attachments.stored(document.pk):
        message.attach(item.filename, item.content, item.mimetype)
    return message


def document_message(row) -> EmailMessage | None:
    """The e-mail of the document of this outbox row (the outbox sends it and records the
    outcome)."""
    document = (
        SentDocument.objects.select_related("order__merchandiser__profile")
        .filter(outbox=row)
        .first()
    )
    if document is None:
        return None
    return build_message(document, _pdf_bytes(document))
