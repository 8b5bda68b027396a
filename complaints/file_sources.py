"""What the complaints app keeps in the order file (R9): the customer's photos and documents
and our reply letters, kept for later returns (R16)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.models import Complaint, ComplaintAttachment
from orders.documents.order_file import FileEntry, register_file_source
from orders.files import register_protected_file


def complaint_entries(order) -> list[FileEntry]:
    entries = []
    complaints = list(Complaint.objects.filter(order=order))
    for complaint in complaints:
        entries.append(
            FileEntry(
                title=f"{complaint.number}: {complaint.get_kind_display()}",
                date=complaint.received_on,
                file=complaint.reply_document or None,
                url=complaint.reply_document.url if complaint.reply_document else "",
                note=complaint.get_status_display(),
            )
        )
    attachments = ComplaintAttachment.objects.filter(complaint__order=order)
    for attachment in attachments.select_related("complaint"):
        entries.append(
            FileEntry(
                title=_("%(number)s: %(caption)s")
                % {
                    "number": attachment.complaint.number,
                    "caption": attachment.caption or attachment.get_kind_display(),
                },
                date=attachment.uploaded_at,
                file=attachment.file,
                url=attachment.file.url,
            )
        )
    return entries


def register_file_sources() -> None:
    register_file_source(
        kind="complaints",
        label=gettext_lazy("Complaints and returns"),
        entries=complaint_entries,
        order=70,
    )
    register_protected_file(Complaint, "reply_document", order_of=lambda complaint: complaint.order)
    register_protected_file(
        ComplaintAttachment, "file", order_of=lambda attachment: attachment.complaint.order
    )
