"""R30 writes: the customer's answers read off its countersigned feedback form."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind, FeedbackEvent, FeedbackRating
from orders.models import CustomerFeedback
from orders.permissions import can_edit
from orders.services.common import ActionRefused, lock_order, record_event
from orders.timeline import event_message, joined


def feedback_record(*, order_id: int, user, comments: str = "", **ratings) -> CustomerFeedback:
    unknown = set(ratings) - set(CustomerFeedback.RATED)
    if unknown:
        raise TypeError(f"unknown aspects: {sorted(unknown)}")
    if any(value and value not in FeedbackRating.values for value in ratings.values()):
        raise ActionRefused(_("Rate each aspect good, fair or poor."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        feedback, _created = CustomerFeedback.objects.update_or_create(
            order=order,
            defaults={
                **ratings,
                "comments": (comments or "").strip(),
                "recorded_by": user,
                "recorded_at": timezone.now(),
            },
        )
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=FeedbackEvent.CUSTOMER_FEEDBACK_RECORDED,
            message=joined(
                [
                    event_message(
                        gettext_noop("%(aspect)s: %(rating)s"),
                        aspect=CustomerFeedback._meta.get_field(name).verbose_name,
                        rating=FeedbackRating(value).label,
                    )
                    for name, value in ratings.items()
                    if value
                ],
                " · ",
            ),
        )
    return feedback
