"""What each timeline `action` code means. Apps register the labels of the codes they record
(in their AppConfig.ready()), so the order page names every event without importing them."""

from orders.choices import TRANSITION_LABELS, ApprovalStep, Clearance, EventKind

_labels: dict[str, object] = {}


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
