"""The daily re-projection: the same projection as re-projecting each order, in a number of
queries that does not grow with the plans, only for the plans the calendar can move, once a
day however often it runs, and picked up where a stopped run left off."""

from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from orders.models import Milestone, Order, OrderPlan, ProcessStep
from orders.services import reprojection
from orders.services.planning import plan_build, reproject
from orders.services.progress import progress_report
from orders.services.reprojection import reproject_all
from tests.factories import make_order

pytestmark = pytest.mark.django_db

BUILT = date(2026, 1, 12)
DAY = date(2026, 4, 20)  # most of the plan's milestones are due by now


def planned(merchandiser, ex_factory=date(2026, 4, 30), customer=date(2026, 5, 15)):
    order = make_order(
        merchandiser=merchandiser,
        order_date=date(2026, 1, 5),
        ex_factory_date=ex_factory,
        customer_date=customer,
    )
    plan_build(order=order, user=merchandiser, today=BUILT)
    return order


def state() -> dict:
    plans = OrderPlan.objects.values_list(
        "order_id", "projected_ex_factory_date", "delay_days", "at_risk", "projected_on"
    )
    milestones = Milestone.objects.values_list("id", "projected_date")
    return {"plans": sorted(plans), "milestones": sorted(milestones)}


def one_by_one(today: date) -> dict:
    """What re-projecting every plan with reproject() gives, rolled back."""

    class Rollback(Exception):
        pass

    found = {}
    try:
        with transaction.atomic():
            for order in Order.objects.filter(plan__isnull=False):
                reproject(order=order, today=today)
            found.update(state())
            raise Rollback
    except Rollback:
        pass
    return found


def daily_queries(today: date) -> int:
    with CaptureQueriesContext(connection) as queries:
        reproject_all(today=today)
    return len(queries)


@pytest.fixture
def orders(merchandiser):
    """Late plans, a plan whose milestones are all ahead, one slowed by its sewing rate (R25)."""
    late = [planned(merchandiser) for _ in range(3)]
    ahead = planned(merchandiser, ex_factory=date(2026, 12, 30), customer=date(2027, 1, 15))
    Milestone.objects.filter(order=ahead, planned_date__lt=DAY).update(actual_date=BUILT)
    reproject(order=ahead, today=BUILT)
    slow = late[0]
    step = ProcessStep.objects.get(code="sewing").pk
    with freeze_time("2026-01-20"):
        for done, on in ((0, date(2026, 1, 12)), (20, date(2026, 1, 19))):
            progress_report(
                order_id=slow.pk,
                user=merchandiser,
                step_id=step,
                quantity_done=done,
                quantity_scrapped=0,
                reported_on=on,
            )
    OrderPlan.objects.update(projected_on=BUILT)
    return {"late": late, "ahead": ahead, "slow": slow}


def test_the_daily_pass_projects_as_each_order_would_be(orders):
    expected = one_by_one(DAY)
    reproject_all(today=DAY)
    assert state()["milestones"] == expected["milestones"]
    # Every plan reads the same projection; the one whose dates are all ahead was not touched.
    ahead = orders["ahead"].pk
    assert [p[:4] for p in state()["plans"]] == [p[:4] for p in expected["plans"]]
    assert OrderPlan.objects.get(order_id=ahead).projected_on == BUILT
    assert OrderPlan.objects.get(order=orders["slow"]).at_risk


def test_only_the_plans_the_calendar_can_move_are_read(orders):
    moving = list(reprojection.plans_that_can_move(DAY))
    assert sorted(moving) == sorted(order.pk for order in orders["late"])
    assert reproject_all(today=DAY) == 3


def test_the_daily_pass_queries_do_not_grow_with_the_plans(merchandiser):
    for _ in range(2):
        planned(merchandiser)
    few = daily_queries(DAY)
    for _ in range(8):
        planned(merchandiser)
    OrderPlan.objects.update(projected_on=BUILT)
    assert daily_queries(DAY) == few
    # In chunks: a fixed number of queries per chunk (the aim: at most 50 per 1,000
    # open plans, at 500 plans a chunk).
    OrderPlan.objects.update(projected_on=BUILT)
    with CaptureQueriesContext(connection) as queries:
        reproject_all(today=DAY + timedelta(days=1), chunk=2)
    per_chunk = (len(queries) - 1) / 5
    assert per_chunk <= 50 * reprojection.CHUNK / 1000


def test_a_second_run_the_same_day_changes_and_reads_nothing(orders):
    reproject_all(today=DAY)
    after = state()
    assert reproject_all(today=DAY) == 0
    assert state() == after
    assert daily_queries(DAY) == 1  # only the question "which plans can move?"


def test_a_stopped_run_is_finished_by_the_next(orders, monkeypatch):
    expected = one_by_one(DAY)
    chunks = []
    real = reprojection.reproject_chunk

    def stops_on_the_second(order_ids, *, today):
        chunks.append(order_ids)
        if len(chunks) == 2:
            raise RuntimeError("the worker died")
        real(order_ids, today=today)

    monkeypatch.setattr(reprojection, "reproject_chunk", stops_on_the_second)
    with pytest.raises(RuntimeError):
        reproject_all(today=DAY, chunk=1)
    monkeypatch.setattr(reprojection, "reproject_chunk", real)
    assert reproject_all(today=DAY) == 2  # the first chunk's plan was done
    assert state()["milestones"] == expected["milestones"]


def test_a_closed_order_is_no_longer_at_risk_and_a_resumed_one_is_again(orders, department_manager):
    from orders.services.transitions import order_transition

    slow = orders["slow"]
    reproject_all(today=DAY)
    assert OrderPlan.objects.get(order=slow).at_risk
    with freeze_time(DAY):
        order_transition(order_id=slow.pk, user=department_manager, name="hold", comment="Wait")
    reproject_all(today=DAY + timedelta(days=1))
    assert not OrderPlan.objects.get(order=slow).at_risk
    with freeze_time(DAY + timedelta(days=1)):
        order_transition(order_id=slow.pk, user=department_manager, name="resume")
    assert slow.pk in reprojection.plans_that_can_move(DAY + timedelta(days=2))
    reproject_all(today=DAY + timedelta(days=2))
    assert OrderPlan.objects.get(order=slow).at_risk


def can_move_by_the_milestones(today: date) -> list[int]:
    """The plans the calendar can move, worked out from every open milestone (as the daily pass
    read them before the plans kept moves_after)."""
    from django.db.models import Exists, F, OuterRef, Q

    from orders.choices import ACTIVE_STAGES

    pushed = Milestone.objects.filter(
        order_id=OuterRef("order_id"), actual_date__isnull=True, planned_date__isnull=False
    ).filter(
        Q(projected_date__isnull=True)
        | Q(projected_date__lt=today)
        | Q(is_ex_factory=True, planned_date__lt=today)
    )
    active = Q(order__stage__in=ACTIVE_STAGES)
    disagrees = Q(at_risk=True, projected_ex_factory_date__lte=F("order__customer_date")) | Q(
        at_risk=False, projected_ex_factory_date__gt=F("order__customer_date")
    )
    stale = Q(projected_on__isnull=True) | (
        Q(projected_on__lt=today) & (Exists(pushed) | disagrees)
    )
    plans = OrderPlan.objects.filter((active & stale) | (~active & Q(at_risk=True)))
    return sorted(plans.values_list("order_id", flat=True))


def test_the_plans_kept_date_picks_the_plans_their_milestones_would(orders, merchandiser):
    """moves_after, kept by every projection, picks day after day the same plans as reading
    every open milestone; also after a milestone is done and after the daily pass."""
    from orders.services.planning import milestone_complete

    days = [BUILT + timedelta(days=n) for n in (1, 20, 60, 97, 98, 99, 120, 200, 400)]
    for day in days:
        assert sorted(reprojection.plans_that_can_move(day)) == can_move_by_the_milestones(day)
    # Not the written reply: R13 holds it until PMC has replied, and this order has no reply.
    first = (
        Milestone.objects.filter(order=orders["late"][1], actual_date=None)
        .exclude(code="customer_reply")
        .order_by("planned_date", "pk")[0]
    )
    with freeze_time(DAY):
        milestone_complete(milestone_id=first.pk, user=merchandiser, on=DAY)
    OrderPlan.objects.update(projected_on=BUILT)
    for day in days:
        assert sorted(reprojection.plans_that_can_move(day)) == can_move_by_the_milestones(day)
    reproject_all(today=DAY)
    for day in [DAY + timedelta(days=n) for n in (1, 7, 11, 30, 300)]:
        assert sorted(reprojection.plans_that_can_move(day)) == can_move_by_the_milestones(day)


def test_an_order_held_and_resumed_is_flagged_at_risk_again_by_the_next_pass(
    orders, merchandiser, department_manager
):
    """Its dates are all ahead, so nothing moves with the calendar: the transitions themselves
    mark the plan for the daily pass, which turns the flag off while held and on once resumed."""
    from orders.services.transitions import order_transition

    order = planned(merchandiser, ex_factory=date(2026, 12, 30), customer=date(2026, 12, 20))
    Milestone.objects.filter(order=order, planned_date__lt=DAY).update(actual_date=BUILT)
    reproject(order=order, today=BUILT)
    assert OrderPlan.objects.get(order=order).at_risk
    with freeze_time(DAY):
        order_transition(order_id=order.pk, user=department_manager, name="hold", comment="Wait")
    assert order.pk in reprojection.plans_that_can_move(DAY + timedelta(days=1))
    reproject_all(today=DAY + timedelta(days=1))
    assert not OrderPlan.objects.get(order=order).at_risk
    assert order.pk not in reprojection.plans_that_can_move(DAY + timedelta(days=2))
    with freeze_time(DAY + timedelta(days=2)):
        order_transition(order_id=order.pk, user=department_manager, name="resume")
    assert order.pk in reprojection.plans_that_can_move(DAY + timedelta(days=3))
    reproject_all(today=DAY + timedelta(days=3))
    assert OrderPlan.objects.get(order=order).at_risk
    assert order.pk not in reprojection.plans_that_can_move(DAY + timedelta(days=4))
