"""What each timeline `action` code means. Apps register the labels of the codes they record
(in their AppConfig.ready()), so the order page names every event without importing them."""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop

from orders.choices import TRANSITION_LABELS, ApprovalStep, Clearance, EventKind

_labels: dict[str, object] = {}
_listeners: dict[str | None, list] = {}


def register_action_labels(labels: dict) -> None:
    _labels.update({str(code): label for code, label in labels.items()})


def known_actions() -> set[str]:
    """Every action code the timeline records: the codes apps registered with their labels."""
    return set(_labels)


def unknown_actions(codes) -> list[str]:
    known = known_actions()
    return [code for code in codes if code not in known]


def action_label(action: str, kind: str = ""):
    if not action:
        return ""
    if kind == EventKind.TRANSITION and action in TRANSITION_LABELS:
        return TRANSITION_LABELS[action]
    return _labels.get(action, action)


register_action_labels(dict(ApprovalStep.choices))
register_action_labels(dict(Clearance.choices))
register_action_labels(TRANSITION_LABELS)


def register_event_listener(action: str | None, listener) -> None:
    """Call listener(event) whenever an event with this action is recorded (None: any action),
    in the same transaction: how another part follows up on what orders/ did (e.g. a confirmed
    deposit becomes a payment in the settlement, the plan completes its milestones) without the
    recording service importing it. The listeners of any action are called first."""
    _listeners.setdefault(action, []).append(listener)


def notify_listeners(event) -> None:
    for listener in [*_listeners.get(None, ()), *_listeners.get(event.action, ())]:
        listener(event)


# ---- generated text, rendered in the reader's language ------------------------------------------
# A service that writes a sentence into the timeline stores the sentence's msgid (marked with
# gettext_noop so makemessages extracts it) and its parameters; the page translates both when it
# shows the event. A label (a lazy translation such as a choice's label) is stored by its msgid.


def event_message(text: str, **params) -> dict:
    """The stored form of a generated sentence: `text` % `params`, translated at display time."""
    return {"text": str(text), "params": {name: _stored(value) for name, value in params.items()}}


def joined(parts, separator: str = "; ") -> dict:
    """Parts (plain text, labels or event_message()s) joined into one generated text: each part
    is translated when shown, the separator is not; empty parts are left out."""
    parts = [part for part in parts if part]
    text = separator.join(f"%(part{n})s" for n in range(len(parts)))
    return event_message(text, **{f"part{n}": part for n, part in enumerate(parts)})


def lowercase(label) -> dict:
    """A label shown in lower case inside a sentence (English "the factory's consent")."""
    return {**_stored(label), "lower": True}


def _stored(value):
    if isinstance(value, dict):
        return value
    if isinstance(value, Promise):
        with translation.override(None):
            return {"msgid": str(value)}
    if isinstance(value, list | tuple):
        return {"items": [_stored(item) for item in value]}
    return "" if value is None else str(value)


# Sentences services wrote into the comment, in English, before they stored generated text;
# rows written then are shown translated when their comment is exactly one of these, or an
# action code (as "plan_built" was).
LEGACY_SENTENCES = frozenset(
    {
        gettext_noop("All items checked."),
        gettext_noop("models and quantities as applied"),
    }
)


def render_comment(comment: str) -> str:
    """A stored comment as the reader sees it: a known generated sentence or action code of
    older rows translated, anything a person wrote as it is."""
    text = (comment or "").strip()
    if text in LEGACY_SENTENCES:
        return gettext(text)
    if text in _labels:
        return str(_labels[text])
    return comment


def render_message(message: dict | None) -> str:
    if not message or not message.get("text"):
        return ""
    params = {name: _rendered(value) for name, value in (message.get("params") or {}).items()}
    text = gettext(message["text"])
    return text % params if params else text


def _rendered(value) -> str:
    if isinstance(value, dict):
        if "text" in value:
            return render_message(value)
        if "items" in value:
            return gettext(", ").join(_rendered(item) for item in value["items"])
        text = gettext(value.get("msgid", ""))
        return text.lower() if value.get("lower") else text
    return str(value)
