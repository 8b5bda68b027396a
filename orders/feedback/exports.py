"""R30 at month end: the month's feedback forms printed together (one PDF) and exported (one
workbook)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from pypdf import PdfReader, PdfWriter

from orders.choices import FeedbackRating
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.feedback.rules import FEEDBACK_FORM
from orders.models import SentDocument
from orders.templatetags.gendan import person


def _stored_pdf(field) -> bytes | None:
    if not field or not field.name.lower().endswith(".pdf"):
        return None
    try:
        with field.open("rb") as stored:
            return stored.read()
    except OSError:
        return None


def _feedback_pdf(order) -> bytes:
    """The countersigned copy when it came back as a PDF, else what was sent, else the form
    printed now in the customer's language (to be signed)."""
    sent = (
        SentDocument.objects.filter(order=order, form_code=FEEDBACK_FORM, outbox__state="sent")
        .order_by("-version")
        .first()
    )
    if sent is not None:
        content = _stored_pdf(sent.signed_copy) or _stored_pdf(sent.pdf)
        if content:
            return content
    return render_pdf(get_form(FEEDBACK_FORM), order, order.customer.language)


def feedback_pdf(rows) -> bytes:
    writer = PdfWriter()
    for row in rows:
        writer.append(PdfReader(io.BytesIO(_feedback_pdf(row.order))))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _rating(feedback, aspect: str) -> str:
    value = getattr(feedback, aspect, "") if feedback else ""
    return str(FeedbackRating(value).label) if value else ""


def feedback_workbook(rows, month) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{month:%Y-%m}"
    headers = [
        _("Customer"),
        _("Customer P/O no."),
        _("Style no."),
        _("Merchandiser"),
        _("Product quality"),
        _("Delivery on time"),
        _("Packing and marking"),
        _("Merchandiser's service"),
        _("Customer's comments"),
    ]
    first = rows[0].papers if rows else []
    headers += [str(state.paper.label) for state in first]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        order, feedback = row.order, row.feedback
        papers = [
            f"{state.by} {state.on:%Y-%m-%d}"
            if state.countersigned
            else (_("sent, not countersigned") if state.sent else _("not sent"))
            for state in row.papers
        ]
        sheet.append(
            [
                order.customer.name,
                order.po_number,
                order.style_no,
                person(order.merchandiser),
                *(
                    _rating(feedback, aspect)
                    for aspect in ("quality", "delivery", "packing", "service")
                ),
                feedback.comments if feedback else "",
                *papers,
            ]
        )
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 18
    return book
