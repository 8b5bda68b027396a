"""Sample rounds: R22 pieces, round numbers, dates, decisions, every change recorded."""

import pytest

from orders.services.common import ActionRefused
from samples.choices import DecidedBy, Recipient, SampleStatus, SampleType
from samples.services import (
    sample_check_record,
    sample_decide,
    sample_receive,
    sample_request_create,
    sample_send_to_customer,
)
from tests.factories import make_sample, make_team, make_user

pytestmark = pytest.mark.django_db


def test_r22_a_round_is_made_in_triplicate_customer_file_factory(order, merchandiser):
    sample = sample_request_create(
        order_id=order.pk, user=merchandiser, sample_type=SampleType.PRE_PRODUCTION
    )
    assert {p.recipient: p.quantity for p in sample.pieces.all()} == {
        Recipient.CUSTOMER: 1,
        Recipient.FILE: 1,
        Recipient.FACTORY: 1,
    }
    assert sample.quantity == 3


def test_r22_refuses_a_round_without_a_piece_for_each_recipient(order, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        sample_request_create(
            order_id=order.pk,
            user=merchandiser,
            sample_type=SampleType.PROTO,
            allocation={Recipient.CUSTOMER: 2, Recipient.FACTORY: 1},
        )
    assert "R22" in str(refused.value)
    assert not order.samples.exists()


def test_r22_extra_pieces_for_the_customer_are_allowed(order, merchandiser):
    sample = sample_request_create(
        order_id=order.pk,
        user=merchandiser,
        sample_type=SampleType.SALESMAN,
        allocation={Recipient.CUSTOMER: 4, Recipient.FILE: 1, Recipient.FACTORY: 1},
    )
    assert sample.quantity == 6


def test_r4_new_round_repeats_the_check_and_history_stays(order, merchandiser):
    first = make_sample(order)
    with pytest.raises(ActionRefused):  # round 1 is still open
        sample_request_create(order_id=order.pk, user=merchandiser, sample_type="pp")
    sample_decide(sample_id=first.pk, user=merchandiser, approved=False, comment="Collar too wide")
    second = make_sample(order)
    assert (first.round_no, second.round_no) == (1, 2)
    assert second.status == SampleStatus.RECEIVED
    assert second.checked_at is None
    assert list(order.samples.values_list("round_no", "status")) == [
        (1, SampleStatus.REJECTED),
        (2, SampleStatus.RECEIVED),
    ]


def test_round_numbers_count_per_type(order, merchandiser):
    make_sample(order, sample_type=SampleType.PROTO)
    fit = make_sample(order, sample_type=SampleType.FIT)
    assert fit.round_no == 1


def test_dates_received_and_sent_to_customer_are_recorded(order, merchandiser):
    sample = make_sample(order, received=False)
    assert sample.status == SampleStatus.REQUESTED and sample.requested_on
    sample = sample_receive(sample_id=sample.pk, user=merchandiser)
    sample = sample_send_to_customer(sample_id=sample.pk, user=merchandiser)
    assert sample.received_on and sample.sent_on
    assert sample.status == SampleStatus.SENT_TO_CUSTOMER
    actions = set(order.events.values_list("action", flat=True))
    assert {"sample_requested", "sample_received", "sample_sent_to_customer"} <= actions


def test_customer_decision_is_recorded_with_its_comments(order, merchandiser):
    sample = make_sample(order)
    sample = sample_decide(
        sample_id=sample.pk,
        user=merchandiser,
        approved=True,
        source=DecidedBy.CUSTOMER,
        comment="Approved by e-mail 3 May",
        customer_comments="Good fit",
    )
    assert (sample.status, sample.decision_source, sample.customer_comments) == (
        SampleStatus.APPROVED,
        DecidedBy.CUSTOMER,
        "Good fit",
    )
    event = order.events.get(action="sample_approved")
    assert event.actor == merchandiser and "3 May" in event.comment


def test_rejection_needs_a_reason(order, merchandiser):
    sample = make_sample(order)
    with pytest.raises(ActionRefused):
        sample_decide(sample_id=sample.pk, user=merchandiser, approved=False)


def test_r4_approval_refused_while_a_discrepancy_must_be_corrected(order, merchandiser):
    sample = make_sample(order)
    sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[],
        discrepancies=[{"area": "wash", "description": "Too dark", "severity": "must_correct"}],
    )
    with pytest.raises(ActionRefused):
        sample_decide(sample_id=sample.pk, user=merchandiser, approved=True)


def test_other_teams_merchandiser_and_finance_may_not_request_samples(order, finance):
    outsider = make_user("merchandiser", team=make_team("Wovens"))
    for user in (outsider, finance):
        with pytest.raises(ActionRefused):
            sample_request_create(order_id=order.pk, user=user, sample_type="proto")


def test_manager_may_request_samples(order, department_manager):
    sample = sample_request_create(order_id=order.pk, user=department_manager, sample_type="fit")
    assert sample.created_by == department_manager
