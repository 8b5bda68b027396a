"""Found walking the seeded demo as each user (QA pass)."""

import pytest
from django.utils import timezone

from orders.services.planning import plan_build
from samples.choices import SampleType
from samples.services import sample_check_record, sample_decide
from tests.factories import make_order, make_sample

pytestmark = pytest.mark.django_db


def test_approving_a_proto_sample_leaves_the_pp_sample_milestone_open(merchandiser):
    """The plan showed "PP sample approved" done while the PP round was only checked: any
    sample's approval completed the milestone."""
    order = make_order(merchandiser=merchandiser)
    plan_build(order=order, user=merchandiser, today=timezone.localdate())
    proto = make_sample(order, sample_type=SampleType.PROTO)
    sample_check_record(sample_id=proto.pk, user=merchandiser, measurements=[], discrepancies=[])
    sample_decide(sample_id=proto.pk, user=merchandiser, approved=True)
    assert order.milestones.get(code="pp_sample").actual_date is None

    pp = make_sample(order, sample_type=SampleType.PRE_PRODUCTION)
    sample_check_record(sample_id=pp.pk, user=merchandiser, measurements=[], discrepancies=[])
    sample_decide(sample_id=pp.pk, user=merchandiser, approved=True)
    assert order.milestones.get(code="pp_sample").actual_date is not None
