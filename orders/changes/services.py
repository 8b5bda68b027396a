"""Raising a change request (R8) and keeping its draft current. Views, the admin and the demo
call these; the lifecycle's other steps are in orders.changes.lifecycle, applying in
orders.changes.apply."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.changes import rules
from orders.changes.choices import ChangeEvent, ChangeStatus, Requester
from orders.changes.common import note, perform, refuse_r14
from orders.changes.diff import summary_message
from orders.changes.fields import contract_snapshot, same_contract
from orders.changes.proposal import check_against_order, normalize, rebase
from orders.models import ChangeRequest
from orders.permissions import can_edit
from orders.services.common import ActionRefused, lock_order, lock_with_order
from orders.timeline import event_message, joined


def _check_request(order, change: ChangeRequest) -> None:
    if change.requested_by not in Requester.values:
        raise ActionRefused(_("Say who asked for the change."))
    if change.requested_by == Requester.CUSTOMER and not change.customer_reference.strip():
        raise ActionRefused(
            _("R8: give the number of the customer's document that asks for the change.")
        )
    diff = change.diff()
    if diff.is_empty:
        raise ActionRefused(_("The request changes nothing: change a field or a line first."))
    check_against_order(order, change.proposed)
    refuse_r14(order, change, change.proposed, diff)


def change_request_raise(
    *,
    order_id: int,
    user,
    proposed: dict,
    requested_by: str,
    reason: str = "",
    customer_reference: str = "",
    customer_reference_date: date | None = None,
    is_amendment: bool = False,
) -> ChangeRequest:
    """Draft a change request on the order as it stands. The view guards it with the form's
    one-time token (orders.services.submissions): a double click drafts one request."""
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        if not rules.r8_may_change(order):
            raise ActionRefused(
                _(
                    "A change request is raised from the contract's approval until the order "
                    "ships; the order is %(stage)s. Before approval, edit the order itself."
                )
                % {"stage": order.get_stage_display().lower()}
            )
        base = contract_snapshot(order)
        last = order.change_requests.aggregate(last=Max("number"))["last"] or 0
        change = ChangeRequest(
            order=order,
            number=last + 1,
            base=base,
            proposed=normalize(base, proposed),
            requested_by=requested_by,
            customer_reference=(customer_reference or "").strip(),
            customer_reference_date=customer_reference_date,
            reason=(reason or "").strip(),
            is_amendment=is_amendment,
            raised_by=user,
        )
        _check_request(order, change)
        change.save()
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_RAISED,
            detail=summary_message(change.diff()),
        )
    return change


def change_request_update(
    *,
    change_id: int,
    user,
    proposed: dict,
    requested_by: str,
    reason: str = "",
    customer_reference: str = "",
    customer_reference_date: date | None = None,
    is_amendment: bool = False,
) -> ChangeRequest:
    """Edit a draft. It stays drafted on the contract it was raised on (Refresh moves it)."""
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        if change.status != ChangeStatus.DRAFT:
            raise ActionRefused(
                _(
                    "Only a draft can be edited; send it back to draft first (its answers and "
                    "approvals are then given again)."
                )
            )
        change.proposed = normalize(change.base, proposed)
        change.requested_by = requested_by
        change.reason = (reason or "").strip()
        change.customer_reference = (customer_reference or "").strip()
        change.customer_reference_date = customer_reference_date
        change.is_amendment = is_amendment
        change._diff = None
        _check_request(order, change)
        change.save()
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_EDITED,
            detail=summary_message(change.diff()),
        )
    return change


def change_request_refresh(*, change_id: int, user) -> ChangeRequest:
    """A stale request moved onto the current contract: what it changed is carried over, the
    rest follows the order as it now is. Back to draft: the factory, the customer and the
    approvers see the new diff before it can be applied."""
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        if not change.is_open:
            raise ActionRefused(_("This change request is closed."))
        current = contract_snapshot(order)
        if same_contract(change.base, current):
            raise ActionRefused(_("This change request is already drafted on the current order."))
        if change.status != ChangeStatus.DRAFT:
            perform(change, user, "reopen")
        change.proposed = rebase(change.base, change.proposed, current)
        change.base = current
        change._diff = None
        change.save()
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_REFRESHED,
            detail=joined(
                [
                    event_message(
                        gettext_noop("now drafted on revision %(revision)s"),
                        revision=order.revision,
                    ),
                    change.has_changes() and summary_message(change.diff()),
                ]
            ),
        )
    return change
