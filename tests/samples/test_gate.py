"""The start-production gate for samples: held until the PP sample is approved; a repeat
style with an approved master file (直接單) is not held."""

import pytest

from orders.choices import Clearance, Decision, Stage
from orders.demo.contributors import satisfy_gates
from orders.gates import gate_statuses
from orders.services.common import ActionRefused
from orders.services.review import approval_record, clearance_record
from orders.services.transitions import order_transition
from samples.services import sample_decide
from tests.factories import fresh, make_master_file, make_sample, tick_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(order, merchandiser, department_manager, administration, general_manager):
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    for user in (department_manager, administration):
        approval_record(order_id=order.pk, user=user, decision=Decision.APPROVED)
    clearance_record(
        order_id=order.pk, user=general_manager, kind=Clearance.GM_EXCEPTION, reason="test"
    )
    order = fresh(order)
    _satisfy_other_gates(order)
    return order


def _satisfy_other_gates(order):
    """Other apps' gates (payment, materials) are met the way their apps say, so that only the
    samples gate decides here."""
    satisfy_gates(order, "start_production", leave=("pp_sample",))


def pp_gate(order):
    return [s for s in gate_statuses(order, "start_production") if s.gate.code == "pp_sample"]


def test_r4_production_refused_until_the_pp_sample_is_approved(approved, merchandiser):
    [status] = pp_gate(approved)
    assert not status.met
    with pytest.raises(ActionRefused) as refused:
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    assert any("Pre-production sample" in d for d in refused.value.details)
    assert fresh(approved).stage == Stage.APPROVED


def test_r4_an_approved_proto_sample_does_not_open_the_gate(approved, merchandiser):
    proto = make_sample(approved, sample_type="proto")
    sample_decide(sample_id=proto.pk, user=merchandiser, approved=True)
    with pytest.raises(ActionRefused):
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")


def test_r4_production_allowed_once_the_pp_sample_is_approved(approved, merchandiser):
    pp = make_sample(approved)
    sample_decide(sample_id=pp.pk, user=merchandiser, approved=False, comment="Wrong trims")
    with pytest.raises(ActionRefused):
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    second = make_sample(approved)
    sample_decide(sample_id=second.pk, user=merchandiser, approved=True)
    assert pp_gate(fresh(approved))[0].met
    order = order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    assert order.stage == Stage.IN_PRODUCTION


def test_repeat_order_with_approved_master_file_is_not_held(
    approved, merchandiser, department_manager
):
    make_master_file(approved, approved_by=department_manager)
    assert pp_gate(approved) == []
    order = order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    assert order.stage == Stage.IN_PRODUCTION


def test_repeat_order_with_unapproved_master_file_is_still_held(approved, merchandiser):
    make_master_file(approved)
    with pytest.raises(ActionRefused):
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")


def test_gate_knows_how_to_satisfy_itself(approved, merchandiser):
    satisfy_gates(approved, "start_production")
    assert pp_gate(fresh(approved))[0].met
