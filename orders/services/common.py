from collections.abc import Callable
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from orders.choices import EventKind
from orders.lifecycle import state_of, transition_meta, unmet_rules
from orders.models import Order, OrderEvent, StaleOrderError
from orders.refusals import ActionRefused
from orders.timeline import notify_listeners

T = TypeVar("T", bound=Model)


def refuse(message) -> None:
    """Raise the rule's refusal, if it gave one."""
    if message:
        raise ActionRefused(message)


def refuse_unless(allowed: bool, message=None) -> None:
    if not allowed:
        raise ActionRefused(message or _("You may not do this for this order."))


def perform(
    obj, name: str, *args, user=None, not_possible=None, not_yours=None, **kwargs
) -> tuple[str, str]:
    """Call the lifecycle transition `name` on `obj` as `user`; refuse, saying why, when it is
    not possible from the current state (`not_possible`), not the user's to do (`not_yours`), or
    a rule does not hold (the rule's own refusal). Returns the states before and after; the
    caller saves."""
    meta = transition_meta(obj, name)
    before = state_of(obj, name)
    if not meta.has_transition(before):
        raise ActionRefused(not_possible or _("This is not possible in the current state."))
    if user is not None and not meta.has_transition_perm(obj, before, user):
        raise ActionRefused(not_yours or _("You may not do this for this order."))
    unmet = unmet_rules(obj, name)
    if unmet:
        raise ActionRefused(unmet[0], details=unmet[1:])
    getattr(obj, name)(*args, **kwargs)
    return before, state_of(obj, name)


# ---- locks: every service locks through these three (Saleor's lock_objects) -------------------


def lock_row(rows: type[T] | QuerySet[T], **lookup) -> T:
    """Lock one row for this transaction and read it afresh: `rows` is its model, or a queryset of
    it (to bring related rows along); `lookup` finds exactly one row. An object of an order locks
    its order first: lock_with_order."""
    queryset = rows if isinstance(rows, QuerySet) else rows._default_manager.all()
    return queryset.select_for_update().get(**lookup)


def lock_order(
    order_id: int,
    version: int | None = None,
    *,
    user=None,
    allowed: Callable[..., bool] | None = None,
    refusal=None,
) -> Order:
    """Lock the order's row for this transaction; refuse if it changed since `version`, or if
    `allowed(order, user)` does not hold (with `refusal`)."""
    order = lock_row(Order.objects.select_related("customer", "factory"), pk=order_id)
    if version is not None and order.version != version:
        raise StaleOrderError(
            _(
                "Someone else changed this order while you were looking at it. "
                "Nothing was saved: reload the page and try again."
            )
        )
    if allowed is not None:
        refuse_unless(allowed(order, user), refusal)
    return order


def lock_with_order(model: type[T], pk: int, *, via: str = "order", **refusing) -> tuple[Order, T]:
    """Lock an object of an order: its order first, then its row, always in this order, so the
    order's objects change one at a time and two services never deadlock. `via` leads from the
    object to its order; `refusing` (user, allowed, refusal) as for lock_order."""
    order = lock_order(model._default_manager.values_list(via, flat=True).get(pk=pk), **refusing)
    *path, last = via.split("__")
    rows = model._default_manager.all()
    obj = lock_row(rows.select_related("__".join(path)) if path else rows, pk=pk)
    owner = obj
    for part in path:
        owner = getattr(owner, part)
    setattr(owner, last, order)
    return order, obj


def save_order(order: Order, *, update_fields: list[str] | None = None) -> None:
    order.version += 1
    if update_fields is not None:
        update_fields = [*update_fields, "version", "updated_at"]
    order.save(update_fields=update_fields)


def record_event(
    order: Order,
    *,
    kind: str,
    actor=None,
    action: str = "",
    from_stage: str = "",
    to_stage: str = "",
    comment: str = "",
    message: dict | None = None,
) -> OrderEvent:
    event = OrderEvent.objects.create(
        order=order,
        kind=kind,
        actor=actor,
        action=action,
        from_stage=from_stage,
        to_stage=to_stage,
        comment=comment,
        message=message or {},
    )
    if action:
        # The time-and-action plan completes the milestones this action stands for (its
        # listener, registered by orders.planning.setup), then the other apps follow up.
        notify_listeners(event)
    return event


def record_events(events: list[OrderEvent]) -> list[OrderEvent]:
    """record_event for many events at once (orders entered from a file): one insert, and the
    same follow-ups for each event that has an action."""
    created = OrderEvent.objects.bulk_create(events)
    for event in created:
        if event.action:
            notify_listeners(event)
    return created


__all__ = [
    "ActionRefused",
    "EventKind",
    "lock_order",
    "lock_with_order",
    "perform",
    "record_event",
    "record_events",
    "refuse",
    "refuse_unless",
    "save_order",
]
