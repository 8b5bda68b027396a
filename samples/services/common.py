from django.db import transaction
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.services.common import ActionRefused, record_event
from orders.timeline import event_message
from samples.choices import SampleType
from samples.models import SampleRequest


def sample_name(sample: SampleRequest) -> dict:
    """The sample as the timeline names it, in the reader's language."""
    return event_message(
        gettext_noop("%(po)s %(type)s #%(round)s"),
        po=sample.order.po_number,
        type=SampleType(sample.sample_type).label,
        round=sample.round_no,
    )


def record_sample_event(
    sample: SampleRequest,
    *,
    user,
    action: str,
    comment: str = "",
    kind: str = EventKind.NOTE,
    detail: dict | str | None = None,
) -> None:
    """`detail`, a generated text (orders.timeline.event_message), follows the sample's name;
    `comment` is what the person wrote."""
    name = sample_name(sample)
    if detail:
        message = event_message(gettext_noop("%(sample)s: %(detail)s"), sample=name, detail=detail)
    elif comment:
        message = event_message(gettext_noop("%(sample)s:"), sample=name)
    else:
        message = name
    record_event(
        sample.order, kind=kind, actor=user, action=action, comment=comment, message=message
    )


__all__ = ["ActionRefused", "record_sample_event", "transaction"]
