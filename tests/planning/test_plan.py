"""The plan is built when the order is received and completes itself from timeline events."""

from datetime import date
from decimal import Decimal

import pytest
from freezegun import freeze_time

from orders.choices import EventKind, PaymentTerms
from orders.models import Holiday, OrderPlan
from orders.services.common import ActionRefused, record_event
from orders.services.orders import order_create
from orders.services.planning import milestone_complete, milestone_reopen
from tests.factories import make_customer, make_factory
from tests.planning.conftest import milestone

pytestmark = pytest.mark.django_db


@freeze_time("2026-01-05 10:00")
def test_order_create_gives_the_order_its_plan(merchandiser):
    order = order_create(
        user=merchandiser,
        data={
            "customer": make_customer(),
            "factory": make_factory(),
            "po_number": "PO-1",
            "style_no": "ST-1",
            "description": "Knit polo",
            "payment_terms": PaymentTerms.LETTER_OF_CREDIT,
            "order_date": date(2026, 1, 5),
            "ex_factory_date": date(2026, 4, 30),
            "customer_date": date(2026, 5, 15),
        },
        lines=[{"colour": "Navy", "quantity": 100, "unit_price": Decimal("3")}],
    )
    assert OrderPlan.objects.filter(order=order).exists()
    assert order.milestones.count() == 12
    assert order.events.filter(action="plan_built").exists()


def test_start_production_completes_the_cutting_milestone(planned_order, merchandiser):
    with freeze_time("2026-03-20 10:00"):
        event = record_event(
            planned_order, kind=EventKind.TRANSITION, actor=merchandiser, action="start_production"
        )
    cutting = milestone(planned_order, "cutting_start")
    assert cutting.actual_date == date(2026, 3, 20)
    assert cutting.completed_by_event == event
    assert cutting.completed_by_user == merchandiser


@pytest.mark.parametrize(
    "action, code",
    [
        ("sample_approved", "pp_sample"),  # samples/
        ("inspection_certificate_issued", "final_inspection"),  # shipping/
        ("final_inspection_booked", "book_final_inspection"),  # shipping/, R12
        ("inline_inspection_recorded", "inline_inspection"),  # shipping/
        ("lab_dip_approved", "lab_dips"),  # suppliers/
        ("ship", "ex_factory"),  # the order's own transition
    ],
)
def test_other_apps_action_codes_complete_their_milestones(planned_order, action, code):
    record_event(planned_order, kind=EventKind.NOTE, action=action)
    assert milestone(planned_order, code).actual_date is not None
    # No other milestone is touched.
    assert planned_order.milestones.exclude(actual_date=None).count() == 1


def test_unrelated_actions_complete_nothing(planned_order):
    record_event(planned_order, kind=EventKind.NOTE, action="packing_list_generated")
    assert not planned_order.milestones.exclude(actual_date=None).exists()


@pytest.mark.parametrize("action", ["inline_inspection_booked", "final_inspection_recorded"])
def test_an_inspection_of_another_kind_completes_nothing(planned_order, action):
    """Booking an inline inspection is not booking the final one, nor is a final report the
    inline inspection."""
    record_event(planned_order, kind=EventKind.NOTE, action=action)
    assert not planned_order.milestones.exclude(actual_date=None).exists()


def test_r1_trim_card_check_is_due_three_working_days_after_its_arrival(planned_order):
    Holiday.objects.create(date=date(2026, 3, 9), name="Closed")
    with freeze_time("2026-03-05 09:00"):  # a Thursday
        record_event(planned_order, kind=EventKind.NOTE, action="trim_card_received")
    check = milestone(planned_order, "trim_card_check")
    # Fri 6, (weekend), (Mon 9 closed), Tue 10, Wed 11.
    assert check.planned_date == date(2026, 3, 11)
    assert milestone(planned_order, "trims_in_house").actual_date == date(2026, 3, 5)
    record_event(planned_order, kind=EventKind.APPROVAL, action="trim_card_approved")
    assert milestone(planned_order, "trim_card_check").actual_date is not None


def test_milestone_done_by_hand_is_recorded_on_the_timeline(planned_order, merchandiser):
    reply = milestone(planned_order, "lab_dips")
    milestone_complete(milestone_id=reply.pk, user=merchandiser, on=date(2026, 1, 6))
    reply.refresh_from_db()
    assert reply.actual_date == date(2026, 1, 6)
    event = planned_order.events.get(action="milestone_completed")
    assert event.actor == merchandiser and event == reply.completed_by_event
    with pytest.raises(ActionRefused):
        milestone_complete(milestone_id=reply.pk, user=merchandiser)
    milestone_reopen(milestone_id=reply.pk, user=merchandiser, reason="Sent to the wrong buyer")
    reply.refresh_from_db()
    assert reply.actual_date is None
    assert planned_order.events.filter(action="milestone_reopened").exists()


def test_someone_outside_the_team_may_not_complete_milestones(planned_order):
    from orders.roles import Role
    from tests.factories import make_team, make_user

    outsider = make_user(Role.MERCHANDISER, team=make_team())
    with pytest.raises(ActionRefused):
        milestone_complete(milestone_id=milestone(planned_order, "lab_dips").pk, user=outsider)


def test_an_agreed_later_ex_factory_date_moves_the_open_milestones(planned_order, merchandiser):
    from orders.services.orders import order_update

    lab_dips = milestone(planned_order, "lab_dips")
    record_event(planned_order, kind=EventKind.NOTE, action="lab_dip_approved")
    order_update(
        order_id=planned_order.pk,
        user=merchandiser,
        version=planned_order.version,
        data={"ex_factory_date": date(2026, 5, 7)},
        lines=[{"colour": "Navy", "quantity": 300, "unit_price": Decimal("5.5")}],
    )
    assert milestone(planned_order, "ex_factory").planned_date == date(2026, 5, 7)
    assert milestone(planned_order, "lab_dips").planned_date > lab_dips.planned_date
    assert milestone(planned_order, "lab_dips").actual_date is not None
