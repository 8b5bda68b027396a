"""R32: write a work memo on an order, acknowledge it per department, withdraw it."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders import notifications
from orders.choices import EventKind, MemoEvent
from orders.models import WorkMemo, WorkMemoAcknowledgement
from orders.models.memos import MemoStatus
from orders.permissions import can_edit, can_see
from orders.roles import Role, has_role
from orders.services.common import ActionRefused, lock_order, lock_with_order, record_event
from orders.timeline import event_message


def _perform(memo: WorkMemo, user, name: str, *args) -> None:
    meta = getattr(type(memo), name)._django_fsm
    if not meta.has_transition(memo.status):
        raise ActionRefused(_("This work memo is closed."))
    if not meta.has_transition_perm(memo, memo.status, user):
        raise ActionRefused(_("You may not do this on this work memo."))
    if not meta.conditions_met(memo, memo.status):
        raise ActionRefused(_("Departments still have to acknowledge this work memo."))
    getattr(memo, name)(*args)
    memo.status_since = timezone.now()


def work_memo_send(
    *, order_id: int, user, subject: str, body: str, addressed_to: list[str]
) -> WorkMemo:
    """R32: the memo goes to the departments named, their people hear of it by e-mail (through
    the outbox, in each one's language); each department acknowledges it. The view guards it
    with the form's one-time token: a double click sends one memo."""
    subject, body = (subject or "").strip(), (body or "").strip()
    roles = [role for role in dict.fromkeys(addressed_to or []) if role in Role.values]
    if not subject or not body:
        raise ActionRefused(_("A work memo needs its subject and what changes."))
    if not roles:
        raise ActionRefused(_("Name at least one department the memo goes to."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not write work memos on this order."))
        last = order.work_memos.aggregate(last=Max("number"))["last"] or 0
        memo = WorkMemo.objects.create(
            order=order,
            number=last + 1,
            subject=subject[:200],
            body=body,
            addressed_to=roles,
            written_by=user,
        )
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=MemoEvent.MEMO_SENT,
            message=event_message(
                gettext_noop("%(memo)s “%(subject)s” to %(roles)s"),
                memo=memo.label,
                subject=memo.subject,
                roles=[Role(role).label for role in roles],
            ),
            comment=body,
        )
        notifications.work_memo_sent(memo)
    return memo


def work_memo_acknowledge(*, memo_id: int, user, note: str = "") -> WorkMemoAcknowledgement:
    """One of the user's departments that the memo waits for acknowledges it; the last one
    closes the memo."""
    with transaction.atomic():
        _order, memo = lock_with_order(WorkMemo, memo_id)
        if memo.status != MemoStatus.OPEN:
            raise ActionRefused(_("This work memo is closed."))
        role = next((r for r in memo.waiting_roles() if has_role(user, r)), None)
        if role is None or not can_see(memo.order, user):
            raise ActionRefused(
                _("This work memo waits for: %(roles)s. You cannot acknowledge it for them.")
                % {"roles": ", ".join(str(Role(r).label) for r in memo.waiting_roles())}
            )
        ack = WorkMemoAcknowledgement.objects.create(
            memo=memo, role=role, user=user, note=(note or "").strip()[:500]
        )
        record_event(
            memo.order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=MemoEvent.MEMO_ACKNOWLEDGED,
            message=event_message(
                gettext_noop("%(memo)s acknowledged for %(role)s"),
                memo=memo.label,
                role=Role(role).label,
            ),
            comment=ack.note,
        )
        if memo.all_acknowledged():
            _perform(memo, user, "close")
            memo.save()
    return ack


def work_memo_withdraw(*, memo_id: int, user, reason: str) -> WorkMemo:
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_("Please give a reason."))
    with transaction.atomic():
        _order, memo = lock_with_order(WorkMemo, memo_id)
        _perform(memo, user, "withdraw", reason)
        memo.save()
        record_event(
            memo.order,
            kind=EventKind.REJECTION,
            actor=user,
            action=MemoEvent.MEMO_WITHDRAWN,
            message=event_message(gettext_noop("%(memo)s withdrawn"), memo=memo.label),
            comment=reason,
        )
    return memo
