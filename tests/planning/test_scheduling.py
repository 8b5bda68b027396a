"""Backward scheduling and re-projection, as pure functions and on a real plan."""

from datetime import date, timedelta

import pytest
from freezegun import freeze_time

from orders.models import Holiday, OrderPlan
from orders.planning.scheduling import (
    PlanRow,
    StepFigures,
    project,
    shift_working_days,
    step_finish,
)
from orders.services.planning import reproject
from tests.planning.conftest import milestone

THURSDAY = date(2026, 4, 30)


def test_working_days_count_back_over_the_weekend():
    # Three working days before Tuesday 5 May: Mon 4, Fri 1, Thu 30 April.
    assert shift_working_days(date(2026, 5, 5), -3) == THURSDAY


def test_working_days_count_back_over_holidays():
    holidays = {date(2026, 5, 1)}  # Labour Day, a Friday
    assert shift_working_days(date(2026, 5, 5), -3, holidays=holidays) == date(2026, 4, 29)


@pytest.mark.django_db
def test_plan_is_counted_back_from_the_ex_factory_date(planned_order):
    # The final inspection is three working days before Thursday 30 April: Monday 27.
    assert milestone(planned_order, "final_inspection").planned_date == date(2026, 4, 27)
    # Calendar days do not skip weekends: the booking is a week before.
    assert milestone(planned_order, "book_final_inspection").planned_date == date(2026, 4, 23)
    assert milestone(planned_order, "ex_factory").planned_date == THURSDAY
    # R13: the written reply 48 hours after the order date.
    assert milestone(planned_order, "customer_reply").planned_date == date(2026, 1, 7)
    # R1's trim card check waits for the trim card's arrival.
    assert milestone(planned_order, "trim_card_check").planned_date is None


@pytest.mark.django_db
def test_configured_holidays_move_working_day_milestones(planned_order, merchandiser):
    from orders.services.planning import plan_build

    Holiday.objects.create(date=date(2026, 4, 28), name="Closed")
    plan_build(order=planned_order, user=merchandiser)
    # Mon 27 April is no longer three working days before Thursday 30: Fri 24 is.
    assert milestone(planned_order, "final_inspection").planned_date == date(2026, 4, 24)


def test_a_late_open_milestone_moves_the_later_ones():
    today = date(2026, 3, 10)
    rows = [
        PlanRow(date(2026, 3, 1), date(2026, 3, 1)),
        PlanRow(date(2026, 3, 5), None),  # five days late, not done
        PlanRow(date(2026, 3, 20), None),
        PlanRow(date(2026, 4, 1), None, is_ex_factory=True),
    ]
    slip = project(rows, today=today)
    assert slip == 5
    assert [r.projected for r in rows[1:]] == [today, date(2026, 3, 25), date(2026, 4, 6)]


def test_a_milestone_done_late_moves_the_later_ones_and_one_on_time_resets_the_delay():
    today = date(2026, 3, 1)
    rows = [
        PlanRow(date(2026, 2, 1), date(2026, 2, 4)),
        PlanRow(date(2026, 2, 10), None),
    ]
    project(rows, today=today)
    assert rows[1].projected == today  # 13 Feb is past: it cannot happen before today
    rows = [
        PlanRow(date(2026, 2, 1), date(2026, 2, 4)),
        PlanRow(date(2026, 2, 10), date(2026, 2, 10)),
        PlanRow(date(2026, 3, 10), None),
    ]
    assert project(rows, today=today) == 0
    assert rows[2].projected == date(2026, 3, 10)


def test_a_late_deadline_off_the_critical_path_moves_nothing():
    rows = [PlanRow(date(2026, 1, 7), None, critical=False), PlanRow(date(2026, 4, 1), None)]
    assert project(rows, today=date(2026, 3, 1)) == 0
    assert rows[1].projected == date(2026, 4, 1)


def test_r25_step_finishes_at_its_current_rate():
    figures = StepFigures(date(2026, 3, 2), 100, date(2026, 3, 9), 800, completed=False)
    # 700 pieces in 7 days; 1,200 left at 100 a day.
    assert step_finish(figures, total=2000) == date(2026, 3, 9) + timedelta(days=12)
    stalled = StepFigures(date(2026, 3, 2), 800, date(2026, 3, 9), 800, completed=False)
    assert step_finish(stalled, total=2000) is None


@pytest.mark.django_db
def test_reprojection_flags_the_order_at_risk_when_it_passes_the_customer_date(planned_order):
    # When the plan is built nothing is late yet.
    plan = OrderPlan.objects.get(order=planned_order)
    assert not plan.at_risk and plan.projected_ex_factory_date == THURSDAY
    # Nothing was done by 20 April: every milestone since late February is late.
    with freeze_time("2026-04-20"):
        plan = reproject(order=planned_order)
    assert plan.at_risk
    assert plan.projected_ex_factory_date > planned_order.customer_date
    assert plan.delay_days == (plan.projected_ex_factory_date - THURSDAY).days
    later = milestone(planned_order, "etd")
    assert later.projected_date > later.planned_date
