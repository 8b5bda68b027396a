from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.models import Order
from orders.services.common import ActionRefused, lock_order, perform, record_event, save_order
from orders.timeline import event_message
from suppliers.choices import SupplierEvent
from suppliers.permissions import can_manage_materials


def lock_for(
    order_id: int,
    user,
    *,
    allowed: Callable[..., bool] = can_manage_materials,
    version: int | None = None,
) -> Order:
    """Lock the order's row for this transaction, refusing users who may not do this."""
    refusal = _("You may not change the materials of this order.")
    return lock_order(order_id, version, user=user, allowed=allowed, refusal=refusal)


def note(order: Order, *, user, kind: str, action: str, detail: str | dict = "") -> None:
    """Record a materials change on the order's timeline (who, when, what, why). The label and
    a generated detail (orders.timeline.event_message) are stored untranslated and shown in the
    reader's language; a plain detail is what the user typed (names, references, comments)."""
    label = SupplierEvent(action).label
    message = (
        event_message(gettext_noop("%(label)s: %(detail)s"), label=label, detail=detail)
        if detail
        else event_message(gettext_noop("%(label)s"), label=label)
    )
    record_event(order, kind=kind, actor=user, action=action, message=message)
    save_order(order, update_fields=[])


def require(value, message) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ActionRefused(message)


__all__ = ["ActionRefused", "lock_for", "note", "perform", "require"]
