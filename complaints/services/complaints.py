"""R16: a complaint and its handling report, step by step. Each write locks the order, checks
the rule, changes the complaint and records who did what on the order's timeline."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from complaints import permissions, rules
from complaints.choices import AttachmentKind, ComplaintEvent, ComplaintKind, Fault, Remedy
from complaints.models import Complaint, ComplaintAttachment
from complaints.services.common import (
    EventKind,
    checked_upload,
    lock_order,
    perform,
    record_event,
    refuse,
    refuse_unless,
)
from orders.services.common import lock_with_order
from orders.timeline import event_message
from shipping.models import FreightBooking, InspectionReport


def _linked(order, shipment_id, inspection_id):
    shipment = inspection = None
    if shipment_id:
        shipment = FreightBooking.objects.filter(pk=shipment_id, order=order).first()
        refuse(None if shipment else _("That shipment belongs to another order."))
    if inspection_id:
        inspection = InspectionReport.objects.filter(pk=inspection_id, booking__order=order).first()
        refuse(None if inspection else _("That inspection belongs to another order."))
    return shipment, inspection


def _attach(complaint, user, upload, kind: str, caption: str = "") -> ComplaintAttachment:
    checked_upload(upload, "photo" if kind == AttachmentKind.PHOTO else "document")
    return ComplaintAttachment.objects.create(
        complaint=complaint, kind=kind, file=upload, caption=caption.strip(), uploaded_by=user
    )


def complaint_file(
    *,
    order_id: int,
    user,
    kind: str,
    description: str,
    quantity_affected: int = 0,
    measured_weight_kg: Decimal | None = None,
    received_on: date | None = None,
    shipment_id: int | None = None,
    inspection_id: int | None = None,
    photos=(),
    documents=(),
) -> Complaint:
    """Draw up the complaint handling report from the customer's complaint."""
    description = (description or "").strip()
    refuse(None if description else _("Please give the customer's description."))
    refuse(None if kind in ComplaintKind.values else _("Unknown kind of complaint."))
    refuse(rules.r16_weight_refusal(kind, measured_weight_kg))
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_file_complaint(order, user),
            _("Only the order's merchandisers or a manager file complaints."),
        )
        shipment, inspection = _linked(order, shipment_id, inspection_id)
        complaint = Complaint.objects.create(
            order=order,
            shipment=shipment,
            inspection=inspection,
            kind=kind,
            description=description,
            quantity_affected=quantity_affected or 0,
            measured_weight_kg=measured_weight_kg,
            received_on=received_on or timezone.localdate(),
            filed_by=user,
        )
        for upload in photos or ():
            _attach(complaint, user, upload, AttachmentKind.PHOTO)
        for upload in documents or ():
            _attach(complaint, user, upload, AttachmentKind.DOCUMENT)
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.COMPLAINT_FILED,
            message=event_message(
                gettext_noop("%(number)s %(label)s:"),
                number=complaint.number,
                label=ComplaintKind(complaint.kind).label,
            ),
            comment=description,
        )
    return complaint


def complaint_attach(
    *, complaint_id: int, user, upload, kind: str = AttachmentKind.PHOTO, caption: str = ""
) -> ComplaintAttachment:
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        refuse_unless(
            permissions.can_reply(complaint.order, user)
            or permissions.can_analyse(complaint.order, user)
        )
        attachment = _attach(complaint, user, upload, kind, caption)
        record_event(
            complaint.order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ComplaintEvent.COMPLAINT_ATTACHMENT,
            message=event_message(
                gettext_noop("%(number)s: %(label)s %(file)s"),
                number=complaint.number,
                label=AttachmentKind(attachment.kind).label,
                file=str(attachment),
            ),
        )
    return attachment


def complaint_approve(*, complaint_id: int, user, comment: str = "") -> Complaint:
    """R16: a leader signs the report before QA analyses."""
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        perform(
            complaint,
            "approve",
            user=user,
            not_possible=rules.r16_step_refusal(complaint, "approve"),
            not_yours=_(
                "Only a leader (department manager or general manager) approves the report."
            ),
            by=user,
            at=timezone.now(),
            comment=(comment or "").strip(),
        )
        complaint.save()
        record_event(
            complaint.order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ComplaintEvent.COMPLAINT_APPROVED,
            comment=f"{complaint.number} {complaint.approval_comment}".strip(),
        )
    return complaint


def complaint_analyse(
    *, complaint_id: int, user, cause: str, corrective_action: str, fault: str
) -> Complaint:
    """R16: QA (the quality department) records the cause and the corrective action."""
    cause, corrective_action = (cause or "").strip(), (corrective_action or "").strip()
    refuse(None if cause and corrective_action else _("Give the cause and the corrective action."))
    refuse(None if fault in Fault.values else _("Say whose fault it is."))
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        perform(
            complaint,
            "analyse",
            user=user,
            not_possible=rules.r16_step_refusal(complaint, "analyse"),
            not_yours=_("Only QA analyses the cause of a complaint."),
            by=user,
            at=timezone.now(),
            cause=cause,
            corrective_action=corrective_action,
            fault=fault,
        )
        complaint.save()
        record_event(
            complaint.order,
            kind=EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.COMPLAINT_ANALYSED,
            message=event_message(
                gettext_noop("%(number)s (%(label)s):"),
                number=complaint.number,
                label=Fault(complaint.fault).label,
            ),
            comment=f"{cause} → {corrective_action}",
        )
    return complaint


def complaint_reply(
    *, complaint_id: int, user, remedy: str, reply_text: str = "", reply_document=None
) -> Complaint:
    """R16: the merchandiser answers the customer; the reply is kept for later returns."""
    reply_text = (reply_text or "").strip()
    refuse(
        None
        if reply_text or reply_document
        else _("Write the reply or upload the reply letter: it is kept for later returns.")
    )
    refuse(None if remedy in Remedy.values else _("Say whether goods are reworked or replaced."))
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        perform(
            complaint,
            "reply",
            user=user,
            not_possible=rules.r16_step_refusal(complaint, "reply"),
            not_yours=_("Only the order's merchandisers or a manager reply to the customer."),
            by=user,
            at=timezone.now(),
            remedy=remedy,
            reply_text=reply_text,
        )
        if reply_document is not None:
            complaint.reply_document = checked_upload(reply_document)
        complaint.save()
        record_event(
            complaint.order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ComplaintEvent.COMPLAINT_REPLIED,
            message=event_message(
                gettext_noop("%(number)s (%(label)s):"),
                number=complaint.number,
                label=Remedy(complaint.remedy).label,
            ),
            comment=reply_text or complaint.reply_document.name,
        )
    return complaint


def complaint_remedy_shipped(
    *, complaint_id: int, user, shipped_on: date, reference: str = ""
) -> Complaint:
    """R16: the reworked or replacement goods went to the customer; the complaint closes."""
    with transaction.atomic():
        _order, complaint = lock_with_order(Complaint, complaint_id)
        perform(
            complaint,
            "ship_remedy",
            user=user,
            not_possible=rules.r16_step_refusal(complaint, "ship_remedy"),
            by=user,
            at=timezone.now(),
            shipped_on=shipped_on,
            reference=(reference or "").strip(),
        )
        complaint.save()
        record_event(
            complaint.order,
            kind=EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.COMPLAINT_REMEDY_SHIPPED,
            message=event_message(
                gettext_noop("%(number)s %(label)s %(date)s"),
                number=complaint.number,
                label=Remedy(complaint.remedy).label,
                date=shipped_on,
            ),
            comment=complaint.remedy_reference,
        )
    return complaint
