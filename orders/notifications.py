"""Who is told what, and when. Each mail is an outbox row written with the change it reports
and sent by a worker after the commit (orders.outbox)."""

from django.contrib.auth import get_user_model

from orders import rules
from orders.outbox.services import outbox_enqueue
from orders.roles import Role


def _queue(order, user_ids, message: str, step: str = "", memo=None) -> None:

    user_ids = list(user_ids)
    emails = dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "email"))
    for user_id in user_ids:
        payload = {"order_id": order.pk, "user_id": user_id, "message": message, "step": step}
        key = ""
        if memo is not None:
            payload["memo_id"] = memo.pk
            key = f"work_memo:{memo.pk}:{user_id}"  # one mail per addressee, however often
        outbox_enqueue(
            kind="order_mail", recipient=emails.get(user_id, ""), payload=payload, key=key
        )


def users_with_role(role: str):
    return get_user_model().objects.filter(is_active=True, groups__name=role).exclude(email="")


def approval_needed(order, step: str | None) -> None:
    if step is None:
        return
    role = rules.APPROVAL_STEP_ROLE[step]
    _queue(order, users_with_role(role).values_list("pk", flat=True), "approval_needed", step)


def change_approval_needed(change, step: str | None) -> None:
    """R8: the next signer of a change request hears of it, as for the contract."""
    if step is None:
        return
    role = rules.APPROVAL_STEP_ROLE[step]
    users = users_with_role(role).values_list("pk", flat=True)
    _queue(change.order, users, "change_approval_needed", step)


def work_memo_sent(memo) -> None:
    """R32: the people of each department a work memo is addressed to hear of it, each in their
    own language (the merchandiser's department: the order's merchandiser, as in the digest)."""
    user_ids: set[int] = set()
    for role in memo.addressed_to:
        if role == Role.MERCHANDISER:
            user_ids.add(memo.order.merchandiser_id)
        else:
            user_ids.update(users_with_role(role).values_list("pk", flat=True))
    _queue(memo.order, sorted(user_ids), "work_memo", memo=memo)


def after_transition(order, name: str) -> None:
    if name == "submit_for_review":
        approval_needed(order, rules.next_approval_step(order))
    elif name in {"return_for_changes", "approve", "cancel"}:
        _queue(order, [order.merchandiser_id], name)


__all__ = [
    "Role",
    "after_transition",
    "approval_needed",
    "change_approval_needed",
    "users_with_role",
    "work_memo_sent",
]
