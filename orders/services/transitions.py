from django.db import transaction
from django.utils.translation import gettext as _

from orders import notifications
from orders.choices import (
    TRANSITION_LABELS,
    TRANSITIONS_NEEDING_REASON,
    ApprovalStep,
    Decision,
    EventKind,
)
from orders.gates import gate_statuses
from orders.models import Approval, Order
from orders.permissions import can_see
from orders.services.common import ActionRefused, lock_order, record_event, save_order


def user_may(order: Order, user, name: str) -> bool:
    """The role check alone (django-fsm's has_transition_perm also checks the gates)."""
    meta = getattr(type(order), name)._django_fsm
    return (
        can_see(order, user)
        and meta.has_transition(order.stage)
        and meta.has_transition_perm(order, order.stage, user)
    )


def available_transitions(order: Order, user) -> list[str]:
    """The transitions this user may ask for from the order's stage (gates not yet checked)."""
    return [
        t.name
        for t in order.get_all_stage_transitions()
        if t.source == order.stage and t.has_perm(order, user) and t.name in TRANSITION_LABELS
    ]


def order_transition(
    *, order_id: int, user, name: str, version: int | None = None, comment: str = ""
) -> Order:
    """Move the order along the transition `name`, as `user`, recording who, when and why."""
    if name not in TRANSITION_LABELS:
        raise ActionRefused(_("Unknown action."))
    comment = (comment or "").strip()
    if name in TRANSITIONS_NEEDING_REASON and not comment:
        raise ActionRefused(_("Please give a reason."))
    with transaction.atomic():
        order = lock_order(order_id, version)
        _apply(order, user, name, comment)
    return order


def _apply(order: Order, user, name: str, comment: str) -> None:
    _refuse_unless_possible(order, user, name)
    method = getattr(order, name)
    from_stage = order.stage
    if name == "cancel":
        method(comment)
    else:
        method()
    save_order(order)
    record_event(
        order,
        kind=EventKind.TRANSITION,
        actor=user,
        action=name,
        from_stage=from_stage,
        to_stage=order.stage,
        comment=comment,
    )
    if name == "submit_for_review":
        _sign_as_merchandiser(order, user, comment)
    notifications.after_transition(order, name)


def _refuse_unless_possible(order: Order, user, name: str) -> None:
    action = TRANSITION_LABELS[name]
    meta = getattr(type(order), name)._django_fsm
    if not meta.has_transition(order.stage):
        raise ActionRefused(
            _("“%(action)s” is not possible while the order is %(stage)s.")
            % {"action": action, "stage": order.get_stage_display()}
        )
    if not user_may(order, user, name):
        raise ActionRefused(_("You may not “%(action)s” this order.") % {"action": action})
    if not meta.conditions_met(order, order.stage):
        raise ActionRefused(
            _("The order is not ready to “%(action)s”.") % {"action": action},
            details=[str(s.label) for s in gate_statuses(order, name) if not s.met],
        )


def _sign_as_merchandiser(order: Order, user, comment: str) -> None:
    """R10: submitting the contract is the merchandiser's signature, the chain's first step."""
    Approval.objects.create(
        order=order,
        review_round=order.review_round,
        step=ApprovalStep.MERCHANDISER,
        decision=Decision.APPROVED,
        user=user,
        comment=comment,
    )


def apply_transition_locked(order: Order, user, name: str, comment: str = "") -> None:
    """For services that already hold the order's lock (e.g. the approval chain)."""
    _apply(order, user, name, comment)
