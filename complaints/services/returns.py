"""R17: the customer return application and its approval; the notice that tells the customer
to ship only once the return is approved."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from complaints import permissions, rules
from complaints.choices import ComplaintEvent, ReturnCause, ReturnStatus
from complaints.models import RETURN_APPLICATION_FORM, Complaint, ReturnApplication, ReturnLine
from complaints.services.common import (
    EventKind,
    lock_order,
    perform,
    record_event,
    refuse,
    refuse_unless,
)
from orders.documents.services import customer_recipient, document_send
from orders.services.common import lock_with_order
from orders.timeline import event_message


def _clean_lines(lines) -> list[dict]:
    cleaned = []
    for line in lines or ():
        quantity = int(line.get("quantity") or 0)
        if quantity <= 0:
            continue
        cleaned.append(
            {
                "style_no": (line.get("style_no") or "").strip(),
                "colour": (line.get("colour") or "").strip(),
                "size": (line.get("size") or "").strip(),
                "quantity": quantity,
            }
        )
    return cleaned


def return_apply(
    *,
    order_id: int,
    user,
    reasons: str,
    cause: str,
    lines: list[dict],
    production_problem: bool = False,
    back_to_factory: bool = False,
    complaint_id: int | None = None,
    applied_on: date | None = None,
) -> ReturnApplication:
    """Record the customer's return application (客戶退貨申請表) with the goods and reasons."""
    reasons = (reasons or "").strip()
    refuse(None if reasons else _("Please give the reasons for the return."))
    refuse(None if cause in ReturnCause.values else _("Say what caused the return."))
    lines = _clean_lines(lines)
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_apply_return(order, user),
            _("Only the order's merchandisers or a manager record return applications."),
        )
        complaint = Complaint.objects.filter(pk=complaint_id).first() if complaint_id else None
        refuse(
            rules.r17_application_refusal(
                order=order, complaint=complaint, production_problem=production_problem, lines=lines
            )
        )
        application = ReturnApplication.objects.create(
            order=order,
            complaint=complaint,
            reasons=reasons,
            cause=cause,
            production_problem=production_problem,
            back_to_factory=back_to_factory,
            applied_on=applied_on or timezone.localdate(),
            created_by=user,
        )
        ReturnLine.objects.bulk_create(
            ReturnLine(application=application, **line) for line in lines
        )
        total = sum(line["quantity"] for line in lines)
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.RETURN_APPLIED,
            message=event_message(
                gettext_noop("%(number)s (%(label)s, %(quantity)s pcs, back to the factory):")
                if back_to_factory
                else gettext_noop("%(number)s (%(label)s, %(quantity)s pcs):"),
                number=application.number,
                label=ReturnCause(application.cause).label,
                quantity=total,
            ),
            comment=reasons,
        )
    return application


def return_approve(
    *, application_id: int, user, reason: str = "", handling: str = ""
) -> ReturnApplication:
    """R17: accept the return (see rules.r17_approval_refusal for who may)."""
    reason, handling = (reason or "").strip(), (handling or "").strip()
    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        refuse(rules.r17_approval_refusal(application, user, reason=reason))
        perform(
            application,
            "approve",
            user=user,
            by=user,
            at=timezone.now(),
            reason=reason,
            handling=handling,
        )
        application.save()
        record_event(
            application.order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ComplaintEvent.RETURN_APPROVED,
            comment=" · ".join(filter(None, [application.number, reason, handling])),
        )
    return application


def return_refuse(*, application_id: int, user, reason: str) -> ReturnApplication:
    reason = (reason or "").strip()
    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        refuse(rules.r17_refusal_refusal(application, user, reason=reason))
        perform(application, "refuse", user=user, by=user, at=timezone.now(), reason=reason)
        application.save()
        record_event(
            application.order,
            kind=EventKind.REJECTION,
            actor=user,
            action=ComplaintEvent.RETURN_REFUSED,
            comment=f"{application.number}: {reason}",
        )
    return application


def return_notify_customer(*, application_id: int, user, language: str | None = None):
    """R17: only an approved return is sent back to the customer, as the notice to ship."""

    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        refuse(
            None
            if application.status == ReturnStatus.APPROVED
            else _("The customer is told to ship only after the return is approved.")
        )
        refuse_unless(permissions.can_notify_customer(application.order, user))
        document = document_send(
            spec_code=RETURN_APPLICATION_FORM,
            obj=application,
            user=user,
            recipient=customer_recipient(application.order.customer),
            language=language,
        )
        application.customer_notified_at = timezone.now()
        application.save(update_fields=["customer_notified_at"])
        record_event(
            application.order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ComplaintEvent.RETURN_CUSTOMER_NOTIFIED,
            comment=f"{application.number} → {document.recipient_name} "
            f"<{document.recipient_email}>",
        )
    return document
