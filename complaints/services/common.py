from django.utils.translation import gettext as _

from orders.choices import EventKind
from orders.services.common import ActionRefused, lock_order, record_event
from orders.uploads import upload_checked

__all__ = ["ActionRefused", "EventKind", "lock_order", "record_event", "refuse", "checked_upload"]


def refuse(message: str | None) -> None:
    """Raise the rule's refusal, if it gave one."""
    if message:
        raise ActionRefused(message)


def refuse_unless(allowed: bool, message=None) -> None:
    if not allowed:
        raise ActionRefused(message or _("You may not do this for this order."))


def checked_upload(upload, kind: str = "document"):
    return upload_checked(upload, kind)
