"""R17 after approval: the warehouse receives and checks the goods, five people sign in order,
finance issues the return note; goods that come without an approved application are recorded."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from complaints import permissions, rules
from complaints.choices import (
    ArrivalDecision,
    ComplaintEvent,
    ReturnStatus,
    SignOffStep,
)
from complaints.models import RETURN_NOTE_FORM, ReturnApplication, ReturnSignOff, UnannouncedArrival
from complaints.services.common import (
    EventKind,
    lock_order,
    perform,
    record_event,
    refuse,
    refuse_unless,
)
from orders.documents.services import document_send
from orders.services.common import lock_with_order
from orders.timeline import event_message


def return_receive(
    *, application_id: int, user, received: dict[int, int], differences: str = ""
) -> ReturnApplication:
    """The warehouse checks models and quantities against the application; every difference
    is kept (per line, and in words for wrong models)."""
    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        refuse(rules.r17_receipt_refusal(application))
        refuse_unless(
            permissions.can_receive_return(application.order, user),
            _("Only the warehouse receives returned goods."),
        )
        lines = list(application.lines.all())
        found = []
        for line in lines:
            quantity = received.get(line.pk)
            refuse(
                None
                if quantity is not None and quantity >= 0
                else _("Enter the quantity received for every line.")
            )
            line.received_quantity = quantity
            if line.difference:
                found.append(f"{line.style_no} {line.colour} {line.size}: {line.difference:+d}")
        for line in lines:
            line.save(update_fields=["received_quantity"])
        differences = "\n".join(filter(None, [*found, (differences or "").strip()]))
        perform(
            application, "receive", user=user, by=user, at=timezone.now(), differences=differences
        )
        application.save()
        record_event(
            application.order,
            kind=EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.RETURN_RECEIVED,
            message=event_message("%(number)s:", number=application.number)
            if application.receipt_differences
            else event_message(
                gettext_noop("%(number)s: models and quantities as applied"),
                number=application.number,
            ),
            comment=application.receipt_differences,
        )
    return application


def return_sign_off(*, application_id: int, user, step: str, comment: str = "") -> ReturnSignOff:
    """R17: warehouse keeper, warehouse head, sales admin, sales leader, finance, in order."""
    refuse(None if step in SignOffStep.values else _("Unknown sign-off."))
    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        refuse(rules.r17_sign_off_refusal(application, step, user))
        sign_off = ReturnSignOff.objects.create(
            application=application, step=step, signed_by=user, comment=(comment or "").strip()
        )
        if rules.r17_all_signed(application):
            perform(application, "complete_sign_offs", user=user)
            application.save(update_fields=["status"])
        record_event(
            application.order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ComplaintEvent.RETURN_SIGNED,
            message=event_message(
                gettext_noop("%(number)s · %(label)s"),
                number=application.number,
                label=SignOffStep(sign_off.step).label,
            ),
            comment=(comment or "").strip(),
        )
    return sign_off


def return_note_issue(*, application_id: int, user) -> ReturnApplication:
    """R17: finance issues the return note (退貨單) for the customer."""
    with transaction.atomic():
        _order, application = lock_with_order(ReturnApplication, application_id)
        number = f"RN-{timezone.localdate():%Y}-{application.pk:05d}"
        perform(
            application,
            "issue_note",
            user=user,
            not_possible=rules.r17_note_not_possible(application),
            not_yours=_("Only finance issues the return note."),
            by=user,
            at=timezone.now(),
            number=number,
        )
        application.save()
        record_event(
            application.order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ComplaintEvent.RETURN_NOTE_ISSUED,
            comment=f"{application.number} · {application.note_number}",
        )
    return application


def unannounced_arrival_record(
    *,
    order_id: int,
    user,
    goods: str,
    decision: str,
    reason: str,
    quantity: int = 0,
    waybill: str = "",
    arrived_on: date | None = None,
    application_id: int | None = None,
) -> UnannouncedArrival:
    """R17: goods that came back without an approved application may be refused; the refusal
    (or a leader's exceptional acceptance) is recorded with what arrived."""
    goods, reason = (goods or "").strip(), (reason or "").strip()
    refuse(None if goods else _("Describe what arrived."))
    refuse(None if reason else _("Please give the reason."))
    refuse(None if decision in ArrivalDecision.values else _("Refuse or accept the goods."))
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_record_arrival(order, user),
            _("Only the warehouse or a manager records returned goods."),
        )
        if decision == ArrivalDecision.ACCEPTED:
            refuse_unless(
                permissions.can_accept_arrival(order, user),
                _("Only a leader accepts goods that came without an approved application."),
            )
        application = None
        if application_id:
            application = ReturnApplication.objects.filter(pk=application_id, order=order).first()
            refuse(None if application else _("That return belongs to another order."))
            refuse(
                None
                if application.status in (ReturnStatus.AWAITING_APPROVAL, ReturnStatus.REFUSED)
                else _("That return is approved: receive the goods against its application.")
            )
        arrival = UnannouncedArrival.objects.create(
            order=order,
            application=application,
            arrived_on=arrived_on or timezone.localdate(),
            goods=goods,
            quantity=quantity or 0,
            waybill=(waybill or "").strip(),
            decision=decision,
            reason=reason,
            decided_by=user,
        )
        record_event(
            order,
            kind=EventKind.REJECTION if decision == ArrivalDecision.REFUSED else EventKind.NOTE,
            actor=user,
            action=ComplaintEvent.UNANNOUNCED_ARRIVAL,
            message=event_message(
                gettext_noop("%(label)s: %(goods)s (%(quantity)s pcs%(waybill)s) —"),
                label=ArrivalDecision(arrival.decision).label,
                goods=goods,
                quantity=arrival.quantity,
                waybill=f", {arrival.waybill}" if arrival.waybill else "",
            ),
            comment=reason,
        )
    return arrival


def return_note_send(*, application_id: int, user, language: str | None = None):
    """The issued return note goes back to the customer (回傳《退貨單》給客戶)."""

    # F-RET-002's send rule refuses a note finance has not issued (R17).
    application = ReturnApplication.objects.select_related("order__customer").get(pk=application_id)
    return document_send(spec_code=RETURN_NOTE_FORM, obj=application, user=user, language=language)
