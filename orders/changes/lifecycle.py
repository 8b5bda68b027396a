"""The steps of a change request between its draft and its application (R8): the factory's
answer, the customer's confirmation, the R10 chain's signatures; refused or withdrawn at any
step, with the reason."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.changes.choices import (
    CHANGE_NOTICE_FORM,
    ChangeEvent,
    ChangeStatus,
    FactoryAnswer,
    Requester,
)
from orders.changes.common import (
    note,
    perform,
    refuse_if_stale,
    refuse_r14,
)
from orders.choices import ApprovalStep, Decision, EventKind
from orders.documents.services import document_send
from orders.models import ChangeApproval, ChangeRequest
from orders.notifications import change_approval_needed
from orders.permissions import can_edit, can_see
from orders.roles import has_role
from orders.rules import APPROVAL_STEP_ROLE
from orders.services.common import ActionRefused, lock_with_order
from orders.timeline import event_message, joined


def _ready(order, change: ChangeRequest) -> None:
    refuse_if_stale(order, change)
    refuse_r14(order, change, change.proposed, change.diff())


def change_request_send(*, change_id: int, user) -> ChangeRequest:
    """R8: agree the change with the factory first. The notice says the factory acts on it only
    when the revised documents arrive, after the customer confirmed."""
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        _ready(order, change)
        perform(change, user, "send_to_factory")
        change.save()
        note(order, change, user=user, action=ChangeEvent.CHANGE_SENT, detail=str(order.factory))

        document_send(spec_code=CHANGE_NOTICE_FORM, obj=change, user=user)
    return change


def _figures(change: ChangeRequest, production: dict | None) -> dict:
    """R14: cut and made per line of the order, as the production side states them."""
    lines = {line["id"]: line for line in change.base["lines"]}
    figures = {}
    for line_id, given in (production or {}).items():
        line_id = int(line_id)
        if line_id not in lines:
            continue
        cut, made = int(given.get("cut") or 0), int(given.get("made") or 0)
        if cut < 0 or made < 0:
            raise ActionRefused(_("Quantities cannot be negative."))
        if made > cut:
            raise ActionRefused(
                _("%(colour)s: more made (%(made)s) than cut (%(cut)s).")
                % {"colour": lines[line_id]["colour"], "made": made, "cut": cut}
            )
        figures[str(line_id)] = {"cut": cut, "made": made}
    return figures


def change_factory_answer(
    *,
    change_id: int,
    agreed: bool,
    name: str,
    comment: str = "",
    production: dict | None = None,
    user=None,
) -> ChangeRequest:
    """The factory agrees or refuses, through its link (no user) or as the merchandiser
    records it from the factory's written reply. For an amendment the production side also
    states what is already cut and made (R14)."""
    name, comment = (name or "").strip(), (comment or "").strip()
    if not name:
        raise ActionRefused(_("Please give the name of who answers for the factory."))
    if not agreed and not comment:
        raise ActionRefused(_("Please say why the factory refuses the change."))
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        if user is not None and not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        if change.status != ChangeStatus.SENT_TO_FACTORY:
            raise ActionRefused(_("This change request no longer waits for the factory's answer."))
        figures = _figures(change, production)
        if agreed and change.is_amendment and not figures:
            raise ActionRefused(
                _(
                    "R14: for a contract amendment the production side states what is already "
                    "cut and made for each colour."
                )
            )
        change.factory_answer = FactoryAnswer.AGREED if agreed else FactoryAnswer.REFUSED
        change.factory_answer_by = name[:120]
        change.factory_answer_at = timezone.now()
        change.factory_comment = comment
        change.factory_answer_recorded_by = user
        change.production_figures = figures
        change.save()
        made = ""
        if figures:
            made = event_message(
                gettext_noop("cut %(cut)s, made %(made)s"),
                cut=sum(f["cut"] for f in figures.values()),
                made=sum(f["made"] for f in figures.values()),
            )
        detail = joined([name, comment, made], " — ")
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_FACTORY_AGREED
            if agreed
            else ChangeEvent.CHANGE_FACTORY_REFUSED,
            kind=EventKind.APPROVAL if agreed else EventKind.REJECTION,
            detail=detail,
        )
    return change


def change_customer_confirm(
    *, change_id: int, user, confirmed_by: str, confirmed_on: date, reference: str = ""
) -> ChangeRequest:
    """R8: the customer confirms the change as the factory agreed it (who, when, in which
    document); where the customer asked first, its document is the reference."""
    confirmed_by = (confirmed_by or "").strip()
    if not confirmed_by:
        raise ActionRefused(_("Please say who confirmed on the customer's side."))
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        _ready(order, change)
        reference = (reference or "").strip()
        if not reference and change.requested_by == Requester.CUSTOMER:
            reference = change.customer_reference
        perform(change, user, "confirm_customer")
        change.customer_confirmed_by = confirmed_by[:120]
        change.customer_confirmed_on = confirmed_on
        change.customer_confirmation_reference = reference[:80]
        change.customer_confirmation_recorded_by = user
        change.save()
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_CUSTOMER_CONFIRMED,
            kind=EventKind.APPROVAL,
            detail=" ".join(part for part in (confirmed_by, str(confirmed_on), reference) if part),
        )

        change_approval_needed(change, change.next_step())
    return change


def change_approval_record(
    *, change_id: int, user, decision: str, comment: str = ""
) -> ChangeApproval:
    """R8/R10: the next signature of the chain; a rejection refuses the change with its reason,
    the last signature approves it."""
    comment = (comment or "").strip()
    if decision == Decision.REJECTED and not comment:
        raise ActionRefused(_("Please give the reason for the rejection."))
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        if change.status != ChangeStatus.CUSTOMER_CONFIRMED:
            raise ActionRefused(_("This change request is not waiting for approval."))
        step = change.next_step()
        if step is None or not has_role(user, APPROVAL_STEP_ROLE[step]) or not can_see(order, user):
            raise ActionRefused(
                _("The change waits for: %(step)s. You cannot give that signature.")
                % {"step": ApprovalStep(step).label if step else "—"}
            )
        refuse_if_stale(order, change)
        approval = ChangeApproval.objects.create(
            change=change,
            round=change.approval_round,
            step=step,
            decision=decision,
            user=user,
            comment=comment,
        )
        label = ApprovalStep(step).label
        if decision == Decision.REJECTED:
            perform(change, user, "refuse", comment)
            change.closed_by = user
            change.save()
            note(
                order,
                change,
                user=user,
                action=ChangeEvent.CHANGE_REFUSED,
                kind=EventKind.REJECTION,
                detail=joined([label, comment], ": "),
            )
            return approval
        note(
            order,
            change,
            user=user,
            action=ChangeEvent.CHANGE_SIGNED,
            kind=EventKind.APPROVAL,
            detail=joined([label, comment], " — "),
        )
        if change.approval_chain_complete():
            perform(change, user, "approve")
            change.save()
            note(
                order,
                change,
                user=user,
                action=ChangeEvent.CHANGE_APPROVED,
                kind=EventKind.APPROVAL,
            )
        else:
            change_approval_needed(change, change.next_step())
    return approval


def _close(change_id: int, user, name: str, reason: str, action: str) -> ChangeRequest:
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give a reason."))
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        perform(change, user, name, reason)
        change.closed_by = user
        change.save()
        note(order, change, user=user, action=action, kind=EventKind.REJECTION, detail=reason)
    return change


def change_request_refuse(*, change_id: int, user, reason: str) -> ChangeRequest:
    """Refused at any step (by the customer, the factory or an approver), with the reason."""
    return _close(change_id, user, "refuse", reason, ChangeEvent.CHANGE_REFUSED)


def change_request_withdraw(*, change_id: int, user, reason: str) -> ChangeRequest:
    return _close(change_id, user, "withdraw", reason, ChangeEvent.CHANGE_WITHDRAWN)


def change_request_reopen(*, change_id: int, user, reason: str) -> ChangeRequest:
    """Back to draft, e.g. to revise it after the factory's answer: the answers and signatures
    given so far stay on record and are asked for again."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give a reason."))
    with transaction.atomic():
        order, change = lock_with_order(ChangeRequest, change_id)
        perform(change, user, "reopen")
        change.save()
        note(order, change, user=user, action=ChangeEvent.CHANGE_REOPENED, detail=reason)
    return change
