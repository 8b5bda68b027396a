from django.utils.translation import gettext as _

from orders.services.common import ActionRefused, lock_order, record_event

__all__ = ["ActionRefused", "lock_order", "record_event", "refuse_unless"]


def refuse_unless(allowed: bool, message=None) -> None:
    if not allowed:
        raise ActionRefused(message or _("You may not do this for this order."))
