"""Helpers every change-request service uses: the lock, the refusal of a step that is not
possible, staleness, R14, and the timeline entry."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.changes import rules
from orders.changes.choices import CHANGE_TRANSITION_LABELS, ChangeEvent, ChangeStatus
from orders.changes.fields import contract_snapshot, same_contract
from orders.changes.registry import QuantityFloor, quantity_floors
from orders.choices import EventKind
from orders.models import ChangeRequest, Order
from orders.services.common import ActionRefused, record_event
from orders.timeline import event_message


def perform(change: ChangeRequest, user, name: str, *args) -> None:
    """Call the transition `name` as `user`, refusing with the reason when it is not possible."""
    action = CHANGE_TRANSITION_LABELS[name]
    meta = getattr(type(change), name)._django_fsm
    if not meta.has_transition(change.status):
        raise ActionRefused(
            _("“%(action)s” is not possible while the change request is %(status)s.")
            % {"action": action, "status": change.get_status_display().lower()}
        )
    if not meta.has_transition_perm(change, change.status, user):
        raise ActionRefused(_("You may not “%(action)s”.") % {"action": action})
    if not meta.conditions_met(change, change.status):
        raise ActionRefused(
            _("The change request is not ready to “%(action)s”.") % {"action": action},
            details=unmet_conditions(change, name),
        )
    getattr(change, name)(*args)
    change.status_since = timezone.now()


def unmet_conditions(change: ChangeRequest, name: str) -> list[str]:
    checks = {
        "send_to_factory": [(change.has_changes, _("The request changes nothing yet."))],
        "confirm_customer": [
            (change.factory_agreed, _("The factory has not agreed to the change.")),
            (
                change.production_confirmed,
                _("R14: the factory's production side has not confirmed what is cut and made."),
            ),
        ],
        "approve": [(change.approval_chain_complete, _("Signatures are still missing."))],
        "apply": [(change.approval_chain_complete, _("Signatures are still missing."))],
    }
    return [str(message) for check, message in checks.get(name, []) if not check()]


def is_stale(order: Order, change: ChangeRequest, current: dict | None = None) -> bool:
    """A request drafted on another version of the contract: it must be refreshed, never
    merged silently."""
    if not change.is_open:
        return False
    return not same_contract(change.base, current or contract_snapshot(order))


def refuse_if_stale(order: Order, change: ChangeRequest) -> None:
    if is_stale(order, change):
        raise ActionRefused(
            _(
                "The order changed after this request was drafted on revision %(revision)s "
                "(now revision %(current)s). Refresh the request: it goes back to draft with "
                "its changes carried onto the current order, and needs the answers and "
                "approvals again."
            )
            % {"revision": change.base_revision, "current": order.revision}
        )


def figures_floors(change: ChangeRequest) -> list[QuantityFloor]:
    """R14: what the factory's production side confirmed as cut or made, per line."""
    who = change.factory_answer_by or _("the factory")
    floors = []
    for line_id, figures in (change.production_figures or {}).items():
        quantity = max(int(figures.get("cut") or 0), int(figures.get("made") or 0))
        if quantity:
            reason = _("%(who)s confirmed %(cut)s cut and %(made)s made") % {
                "who": who,
                "cut": figures.get("cut") or 0,
                "made": figures.get("made") or 0,
            }
            floors.append(QuantityFloor(int(line_id), quantity, reason))
    return floors


def refuse_r14(order: Order, change: ChangeRequest, proposed: dict, diff) -> None:
    """R14, said exactly: no change to quantities, style or dates in production without an
    amendment, and never below what is produced or shipped."""
    if rules.r14_needs_amendment(order, diff) and not change.is_amendment:
        raise ActionRefused(rules.R14_REFUSAL)
    if change.is_amendment and not rules.r14_in_production(order):
        raise ActionRefused(
            _(
                "A contract amendment is for an order in production (R14); before production "
                "starts, raise a plain change request."
            )
        )
    colours = {line["id"]: line["colour"] for line in proposed["lines"] if line.get("id")}
    floors = [*quantity_floors(order), *figures_floors(change)]
    breaches = rules.r14_floor_breaches(proposed["lines"], floors, colours)
    if breaches:
        raise ActionRefused(
            _("R14: quantities can never go below what is already produced or shipped."),
            details=breaches,
        )


def note(order: Order, change: ChangeRequest, *, user, action: str, detail="", kind=None):
    """The change request's timeline row: its number and what happened, in the reader's
    language, then the detail (plain text, or generated text from event_message / joined)."""
    message = event_message(
        gettext_noop("%(change)s: %(action)s — %(detail)s")
        if detail
        else gettext_noop("%(change)s: %(action)s"),
        change=change.label,
        action=ChangeEvent(action).label,
        detail=detail,
    )
    record_event(order, kind=kind or EventKind.NOTE, actor=user, action=action, message=message)


__all__ = [
    "ActionRefused",
    "ChangeStatus",
    "figures_floors",
    "is_stale",
    "note",
    "perform",
    "refuse_if_stale",
    "refuse_r14",
]
