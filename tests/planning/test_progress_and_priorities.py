"""R25/R26 production progress and R19's priority order on the merchandiser's home."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from freezegun import freeze_time

from orders.choices import CreditClass
from orders.models import OrderPlan, ProcessStep
from orders.planning.rules import r19_priority
from orders.planning.selectors import plan_home, progress_sheet
from orders.services.common import ActionRefused
from orders.services.planning import plan_build
from orders.services.progress import progress_report
from tests.factories import make_customer, make_order

pytestmark = pytest.mark.django_db


def report(order, user, step, done, on, scrapped=0, **extra):
    return progress_report(
        order_id=order.pk,
        user=user,
        step_id=ProcessStep.objects.get(code=step).pk,
        quantity_done=done,
        quantity_scrapped=scrapped,
        reported_on=on,
        **extra,
    )


@freeze_time("2026-04-13")
def test_r25_slow_sewing_moves_the_projection_and_raises_the_risk(planned_order, merchandiser):
    # 300 pieces; sewing made 20 in a week: 260 left at ~3 a day is past 15 May.
    for code in ("lab_dips", "fabric_in_house", "trims_in_house", "pp_sample", "cutting_start"):
        planned_order.milestones.filter(code=code).update(actual_date=date(2026, 3, 1))
    report(planned_order, merchandiser, "sewing", 0, date(2026, 4, 6))
    report(
        planned_order, merchandiser, "sewing", 20, date(2026, 4, 13), exception="Short of labour"
    )
    plan = OrderPlan.objects.get(order=planned_order)
    assert plan.projected_ex_factory_date > planned_order.customer_date
    assert plan.at_risk
    # The plan's ex-factory row says the same date as the plan's header (it said the
    # milestones' chain date, days earlier).
    ex_factory = planned_order.milestones.get(is_ex_factory=True)
    assert ex_factory.projected_date == plan.projected_ex_factory_date
    event = planned_order.events.filter(action="progress_reported").first()
    assert "Short of labour" in event.comment


@freeze_time("2026-04-13")
def test_r26_progress_sheet_shows_scrap_rate_days_late_and_countdown(planned_order, merchandiser):
    report(planned_order, merchandiser, "cutting", 100, date(2026, 4, 6), scrapped=0)
    report(planned_order, merchandiser, "cutting", 190, date(2026, 4, 13), scrapped=10)
    steps = list(ProcessStep.objects.all())
    sheet = progress_sheet(
        planned_order, list(planned_order.progress.all()), steps, date(2026, 4, 13)
    )
    cutting = sheet.rows[0]
    assert (cutting.done, cutting.scrapped) == (190, 10)
    assert cutting.scrap_rate == pytest.approx(0.05)
    assert cutting.finish == date(2026, 4, 22)  # 110 left at 90 a week: 9 more days
    assert cutting.days_late == 0 and not cutting.completed
    assert sheet.countdown == 17


@freeze_time("2026-04-13")
def test_r26_totals_to_date_cannot_go_down(planned_order, merchandiser):
    report(planned_order, merchandiser, "cutting", 150, date(2026, 4, 6))
    with pytest.raises(ActionRefused):
        report(planned_order, merchandiser, "cutting", 100, date(2026, 4, 13))
    report(planned_order, merchandiser, "cutting", 300, date(2026, 4, 13), completed=True)
    assert (
        progress_sheet(
            planned_order,
            list(planned_order.progress.all()),
            list(ProcessStep.objects.all()),
            date(2026, 4, 13),
        )
        .rows[0]
        .completed
    )


def test_r19_earlier_due_date_first_then_customer_class_then_size_then_complexity():
    base = {"due": date(2026, 5, 1), "credit_class": "B", "quantity": 100, "lines": 1}
    items = {
        "later": {**base, "due": date(2026, 5, 2), "credit_class": "A"},
        "class_c": {**base, "credit_class": "C"},
        "class_a": {**base, "credit_class": "A"},
        "class_b_big": {**base, "quantity": 5000},
        "class_b_complex": {**base, "lines": 4},
        "class_b": base,
    }
    ordered = sorted(items, key=lambda name: r19_priority(**items[name], order_id=0))
    assert ordered == ["class_a", "class_b_big", "class_b_complex", "class_b", "class_c", "later"]


@freeze_time("2026-04-27")
def test_r19_home_lists_late_due_and_at_risk_in_priority_order(merchandiser, client):
    orders = []
    for name, credit_class in (("C Ltd", CreditClass.C), ("A Ltd", CreditClass.A)):
        order = make_order(
            merchandiser=merchandiser,
            customer=make_customer(name=name, credit_class=credit_class),
            order_date=date(2026, 1, 5),
            ex_factory_date=date(2026, 4, 30),
            customer_date=date(2026, 5, 1),
        )
        plan_build(order=order, user=merchandiser)
        orders.append(order)
    home = plan_home(merchandiser)
    # Same due dates: class A's order comes first in each block.
    assert [o.customer.name for o in home.at_risk] == ["A Ltd", "C Ltd"]
    due = [(m.planned_date, m.order.customer.name) for m in home.due_this_week]
    assert due == sorted(due, key=lambda pair: (pair[0], pair[1] != "A Ltd"))
    assert home.late and all(m.planned_date < date(2026, 4, 27) for m in home.late)
    client.force_login(merchandiser)
    response = client.get(reverse("orders:home"))
    assert "At risk" in response.content.decode() or "Orders at risk" in response.content.decode()


@freeze_time("2026-04-27")
def test_r19_home_blocks_are_the_first_of_all_in_priority_order(merchandiser, monkeypatch):
    """The database sorts and cuts each block as r19_sorted orders all of its rows."""
    from orders.planning import selectors
    from orders.planning.rules import r19_sorted

    for number, credit_class in enumerate([CreditClass.C, CreditClass.A, CreditClass.B] * 2):
        order = make_order(
            merchandiser=merchandiser,
            customer=make_customer(credit_class=credit_class),
            order_date=date(2026, 1, 5),
            ex_factory_date=date(2026, 4, 30),
            customer_date=date(2026, 5, 1),
            lines=[
                {"colour": f"C{n}", "size_breakdown": {}, "quantity": 100 * (number % 2 + 1),
                 "unit_price": Decimal("2")}
                for n in range(number % 3 + 1)
            ],
        )  # fmt: skip
        plan_build(order=order, user=merchandiser)
    everything = plan_home(merchandiser)
    monkeypatch.setattr(selectors, "HOME_LIST_LIMIT", 4)
    cut = plan_home(merchandiser)

    def key(milestone):
        order = milestone.order
        return {
            "due": milestone.planned_date,
            "credit_class": order.customer.credit_class,
            "quantity": order.total_quantity,
            "lines": order.lines.count(),
            "order_id": order.pk,
        }

    for block in ("late", "due_this_week"):
        rows = getattr(everything, block)
        assert len(rows) == getattr(cut, f"{block.split('_')[0]}_count") > 4
        assert [m.pk for m in getattr(cut, block)] == [m.pk for m in r19_sorted(rows, key=key)[:4]]
    assert cut.at_risk_count == len(everything.at_risk) == 6
    assert [o.customer.credit_class for o in cut.at_risk] == ["A", "A", "B", "B"]
