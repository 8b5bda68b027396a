from django.db import transaction

from orders.choices import EventKind
from orders.models import Order
from orders.services.common import ActionRefused, lock_order, record_event
from samples.models import SampleRequest
from samples.permissions import can_work_on_samples


def lock_sample(sample_id: int, user, message) -> tuple[Order, SampleRequest]:
    """Lock the sample's order (so rounds and letters of one order change one at a time) and
    refuse users who may not work on its samples. Call inside transaction.atomic()."""
    order_id = SampleRequest.objects.values_list("order_id", flat=True).get(pk=sample_id)
    order = lock_order(order_id)
    if not can_work_on_samples(order, user):
        raise ActionRefused(message)
    sample = SampleRequest.objects.select_for_update().get(pk=sample_id)
    sample.order = order
    return order, sample


def record_sample_event(
    sample: SampleRequest, *, user, action: str, comment: str = "", kind: str = EventKind.NOTE
) -> None:
    record_event(
        sample.order,
        kind=kind,
        actor=user,
        action=action,
        comment=f"{sample}: {comment}" if comment else str(sample),
    )


__all__ = ["ActionRefused", "lock_sample", "record_sample_event", "transaction"]
