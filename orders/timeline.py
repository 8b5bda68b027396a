"""What each timeline `action` code means. Apps register the labels of the codes they record
(in their AppConfig.ready()), so the order page names every event without importing them."""

from orders.choices import TRANSITION_LABELS, ApprovalStep, Clearance, EventKind

_labels: dict[str, object] = {}
_listeners: dict[str, list] = {}


def register_action_labels(labels: dict) -> None:
    _labels.update({str(code): label for code, label in labels.items()})


def action_label(action: str, kind: str = ""):
    if not action:
        return ""
    if kind == EventKind.TRANSITION and action in TRANSITION_LABELS:
        return TRANSITION_LABELS[action]
    return _labels.get(action, action)


register_action_labels(dict(ApprovalStep.choices))
register_action_labels(dict(Clearance.choices))
register_action_labels(TRANSITION_LABELS)


def register_event_listener(action: str, listener) -> None:
    """Call listener(event) whenever an event with this action is recorded, in the same
    transaction: how another app follows up on what orders/ did (e.g. a confirmed deposit
    becomes a payment in the settlement) without orders/ importing it."""
    _listeners.setdefault(action, []).append(listener)


def notify_listeners(event) -> None:
    for listener in _listeners.get(event.action, ()):
        listener(event)
