"""What the shipping app keeps in the order file (R9): inspection reports with their defect
photos and the certificates, L/G letters with the factory's signed scan, and the shipping
papers (export documents, shipping marks artwork); and what it shows the customer on its
status page and progress report: the inspections and their result."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.documents.order_file import FileEntry, register_file_source
from orders.files import register_protected_file
from orders.planning.customer_status import register_status_part
from shipping.models import (
    Defect,
    ExportDocument,
    GuaranteeLetter,
    InspectionBooking,
    InspectionCertificate,
    InspectionReport,
    ShippingMarks,
)


def inspection_entries(order) -> list[FileEntry]:
    reports = InspectionReport.objects.filter(booking__order=order).select_related("booking")
    entries = [
        FileEntry(
            title=_("%(kind)s inspection: %(verdict)s")
            % {"kind": report.booking.get_kind_display(), "verdict": report.get_verdict_display()},
            date=report.inspected_on,
            sent_to=report.booking.get_party_display(),
            note=report.remarks,
        )
        for report in reports
    ]
    photos = Defect.objects.filter(report__booking__order=order).exclude(photo="")
    for defect in photos.select_related("report"):
        entries.append(
            FileEntry(
                title=_("Defect photo: %(defect)s") % {"defect": defect.description},
                date=defect.report.inspected_on,
                file=defect.photo,
                url=defect.photo.url,
            )
        )
    for certificate in InspectionCertificate.objects.filter(order=order):
        entries.append(
            FileEntry(
                title=_("INSPECTION CERTIFICATE %(number)s") % {"number": certificate.number},
                date=certificate.issued_at,
                note=_("under L/G") if certificate.guarantee_letter_id else "",
            )
        )
    return entries


def lg_entries(order) -> list[FileEntry]:
    entries = []
    for letter in GuaranteeLetter.objects.filter(order=order):
        entries.append(
            FileEntry(
                title=_("L/G letter %(number)s: %(status)s")
                % {"number": letter.number, "status": letter.get_status_display()},
                date=letter.created_at,
                file=letter.signed_scan or None,
                url=letter.signed_scan.url if letter.signed_scan else "",
                sent_to=letter.factory_responsible,
                confirmed=letter.signed_by_name,
            )
        )
    return entries


def shipping_entries(order) -> list[FileEntry]:
    entries = [
        FileEntry(
            title=f"{document.get_kind_display()} {document.number}",
            date=document.issued_on,
            file=document.scan or None,
            url=document.scan.url if document.scan else "",
        )
        for document in ExportDocument.objects.filter(order=order)
    ]
    marks = ShippingMarks.objects.filter(order=order).exclude(artwork="").first()
    if marks is not None:
        entries.append(
            FileEntry(
                title=_("Shipping marks artwork"),
                date=marks.confirmed_on,
                file=marks.artwork,
                url=marks.artwork.url,
                confirmed=marks.confirmed_by_customer,
            )
        )
    return entries


def register_file_sources() -> None:
    register_file_source(
        kind="inspections",
        label=gettext_lazy("Inspection reports and certificates"),
        entries=inspection_entries,
        order=50,
    )
    register_file_source(kind="lg", label=gettext_lazy("L/G letters"), entries=lg_entries, order=55)
    register_file_source(
        kind="shipping",
        label=gettext_lazy("Shipping documents"),
        entries=shipping_entries,
        order=60,
    )
    register_protected_file(Defect, "photo", order_of=lambda defect: defect.report.booking.order)
    register_protected_file(GuaranteeLetter, "signed_scan", order_of=lambda letter: letter.order)
    register_protected_file(ExportDocument, "scan", order_of=lambda document: document.order)
    register_protected_file(ShippingMarks, "artwork", order_of=lambda marks: marks.order)


def inspections_for_the_customer(order) -> dict:
    """The customer's status page and progress report list the inspections and their result."""
    bookings = (
        InspectionBooking.objects.filter(order=order)
        .select_related("report")
        .prefetch_related("report__counts")
        .order_by("planned_date", "id")
    )
    return {"bookings": list(bookings)}


def register_status_parts() -> None:
    register_status_part(
        code="inspections",
        template="shipping/status_inspections.html",
        context=inspections_for_the_customer,
        order=50,
    )
