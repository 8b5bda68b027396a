from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from complaints.uploads import validate_upload
from orders.choices import EventKind
from orders.services.common import ActionRefused, lock_order, record_event

__all__ = ["ActionRefused", "EventKind", "lock_order", "record_event", "refuse", "checked_upload"]


def refuse(message: str | None) -> None:
    """Raise the rule's refusal, if it gave one."""
    if message:
        raise ActionRefused(message)


def refuse_unless(allowed: bool, message=None) -> None:
    if not allowed:
        raise ActionRefused(message or _("You may not do this for this order."))


def checked_upload(upload, **kwargs):
    if upload is None:
        return None
    try:
        validate_upload(upload, **kwargs)
    except ValidationError as exc:
        raise ActionRefused(exc.messages[0]) from exc
    return upload
