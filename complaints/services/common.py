from orders.choices import EventKind
from orders.services.common import (
    ActionRefused,
    lock_order,
    perform,
    record_event,
    refuse,
    refuse_unless,
)
from orders.uploads import upload_checked

__all__ = [
    "ActionRefused",
    "EventKind",
    "lock_order",
    "perform",
    "record_event",
    "refuse",
    "refuse_unless",
    "checked_upload",
]


def checked_upload(upload, kind: str = "document"):
    return upload_checked(upload, kind)
