"""R34: the invoice request raised by the merchandiser, approved level by level, then invoiced
by finance. Each step locks the order, takes the request's transition (who may, from which
state) and records who, when and why on the order's timeline."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.roles import Role
from orders.services.common import lock_row, perform
from orders.timeline import event_message
from shipping import permissions
from shipping.choices import InvoiceRequestStatus, ShippingEvent
from shipping.models import InvoiceApproval, InvoiceRequest
from shipping.models.invoice_requests import configured_roles
from shipping.services.common import ActionRefused, lock_order, record_event, refuse_unless


def invoice_request_raise(*, order_id: int, user, note: str = "") -> InvoiceRequest:
    """The merchandiser asks finance to invoice the shipment: the order's amount as it stands."""
    with transaction.atomic():
        order = lock_order(order_id)
        refuse_unless(
            permissions.can_raise_invoice_request(order, user),
            _("Only the order's merchandisers raise an invoice request."),
        )
        roles = configured_roles()
        if not roles:
            raise ActionRefused(
                _(
                    "No approval levels are set for invoice requests: a manager sets them in "
                    "the admin."
                )
            )
        total = Decimal(order.total_amount.amount).quantize(Decimal("0.01"))
        try:
            with transaction.atomic():
                request = InvoiceRequest.objects.create(
                    order=order,
                    amount=total,
                    currency=order.currency,
                    note=(note or "").strip(),
                    approval_roles=roles,
                    raised_by=user,
                )
        except IntegrityError as twice:
            raise ActionRefused(_("An invoice request for this order is already open.")) from twice
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=ShippingEvent.INVOICE_REQUESTED,
            comment=f"{request.money} · {note}".strip(" ·"),
        )
    return request


def _locked_request(request_id: int) -> InvoiceRequest:
    order_id = InvoiceRequest.objects.values_list("order_id", flat=True).get(pk=request_id)
    order = lock_order(order_id)
    request = lock_row(InvoiceRequest, pk=request_id)
    request.order = order
    return request


def _not_possible(request: InvoiceRequest) -> str:
    return _("The invoice request is %(status)s.") % {
        "status": request.get_status_display().lower()
    }


def _not_yours(request: InvoiceRequest) -> str:
    role = request.next_role_label
    return _(
        "This level of the invoice request is signed by: %(role)s (not the one who raised it)."
    ) % {"role": role or "—"}


def invoice_request_approve(*, request_id: int, user, comment: str = "") -> InvoiceRequest:
    """The next level signs; the last level's signature approves the request."""
    with transaction.atomic():
        request = _locked_request(request_id)
        position, role = request.approved_levels + 1, request.next_role
        perform(
            request,
            "approve",
            user=user,
            not_possible=_not_possible(request),
            not_yours=_not_yours(request),
        )
        request.save()
        InvoiceApproval.objects.create(
            request=request,
            position=position,
            role=role,
            approved_by=user,
            comment=(comment or "").strip(),
        )
        record_event(
            request.order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ShippingEvent.INVOICE_REQUEST_APPROVED,
            # Level n of m and the role, in the reader's language; the approver's words as typed.
            message=event_message(
                gettext_noop("Level %(position)s of %(levels)s: %(role)s"),
                position=position,
                levels=len(request.approval_roles),
                role=Role(role).label,
            ),
            comment=(comment or "").strip(),
        )
    return request


def invoice_request_refuse(*, request_id: int, user, reason: str) -> InvoiceRequest:
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give the reason for the refusal."))
    with transaction.atomic():
        request = _locked_request(request_id)
        perform(
            request,
            "refuse",
            user,
            reason,
            user=user,
            not_possible=_not_possible(request),
            not_yours=_not_yours(request),
        )
        request.save()
        record_event(
            request.order,
            kind=EventKind.REJECTION,
            actor=user,
            action=ShippingEvent.INVOICE_REQUEST_REFUSED,
            comment=reason,
        )
    return request


def r34_invoice_refusal(order) -> str | None:
    """Why the commercial invoice may not be issued now (R34), naming what is missing; None
    when an approved request waits for finance."""
    latest = order.invoice_requests.order_by("-raised_at", "-id").first()
    if latest is None:
        return _(
            "The commercial invoice needs an approved invoice request (R34): the merchandiser "
            "has not raised one."
        )
    if latest.status == InvoiceRequestStatus.APPROVED:
        return None
    if latest.status == InvoiceRequestStatus.REQUESTED:
        return _(
            "The commercial invoice needs an approved invoice request (R34): it waits for level "
            "%(level)s of %(levels)s (%(role)s)."
        ) % {
            "level": latest.approved_levels + 1,
            "levels": len(latest.approval_roles),
            "role": latest.next_role_label,
        }
    if latest.status == InvoiceRequestStatus.REFUSED:
        return _(
            "The commercial invoice needs an approved invoice request (R34): the last one was "
            "refused (%(reason)s); the merchandiser raises a new one."
        ) % {"reason": latest.refusal_reason}
    return _(
        "The commercial invoice needs an approved invoice request (R34): the last one was "
        "already invoiced; the merchandiser raises a new one to invoice again."
    )


def r34_take_approved_request(order, user) -> InvoiceRequest:
    """Finance issues the invoice: the approved request becomes invoiced in the same
    transaction, or the issue is refused naming what is missing."""
    refusal = r34_invoice_refusal(order)
    if refusal:
        raise ActionRefused(refusal)
    request = lock_row(InvoiceRequest, order=order, status=InvoiceRequestStatus.APPROVED)
    request.order = order
    perform(
        request,
        "invoice",
        user,
        timezone.now(),
        user=user,
        not_yours=_("Only finance issues the commercial invoice (R34)."),
    )
    request.save()
    return request
