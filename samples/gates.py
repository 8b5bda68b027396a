"""The samples app's gate on the order: bulk waits for an approved pre-production sample."""

from django.utils.translation import gettext_lazy as _

from orders.gates import register_gate
from samples import rules


def satisfy_pp_sample_gate(order) -> None:
    """What the merchandiser does to meet the gate: a PP round received, checked clean and
    approved (for demo data and the tests of other apps)."""
    from samples.choices import DECIDED_STATUSES, SampleStatus, SampleType
    from samples.models import SampleRequest
    from samples.services import (
        sample_check_record,
        sample_decide,
        sample_receive,
        sample_request_create,
    )

    user = order.merchandiser
    sample = (
        SampleRequest.objects.filter(order=order, sample_type=SampleType.PRE_PRODUCTION)
        .order_by("-round_no")
        .first()
    )
    if sample is None or sample.status in DECIDED_STATUSES:
        sample = sample_request_create(
            order_id=order.pk, user=user, sample_type=SampleType.PRE_PRODUCTION
        )
    if sample.status == SampleStatus.REQUESTED:
        sample_receive(sample_id=sample.pk, user=user)
    sample_check_record(sample_id=sample.pk, user=user, measurements=[], discrepancies=[])
    sample_decide(sample_id=sample.pk, user=user, approved=True)


def register_gates() -> None:
    register_gate(
        transition="start_production",
        code="pp_sample",
        label=_(
            "Pre-production sample approved (R4); a repeat style with an approved master "
            "file is exempt"
        ),
        cleared_by=_("Merchandiser, with the customer's or our approval"),
        check=rules.pp_sample_approved,
        applies=rules.pp_sample_gate_applies,
        satisfy=satisfy_pp_sample_gate,
    )
