"""The plan's screens: the order page's chart and forms, the lists' at-risk flag, the reports,
and query counts that do not grow with orders or milestones."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from orders.models import DateChangeRequest, Milestone, Order, OrderPlan, ProcessStep
from orders.reminders.selection import collect
from orders.services.planning import plan_build
from tests.orders.test_queries import add_orders, count_queries
from tests.planning.conftest import milestone

pytestmark = pytest.mark.django_db


def plan_all(user) -> None:
    for order in Order.objects.filter(plan__isnull=True):
        plan_build(order=order, user=user)


def test_order_page_shows_the_plan_chart_and_the_progress_sheet(
    client, planned_order, merchandiser
):
    client.force_login(merchandiser)
    body = client.get(planned_order.get_absolute_url()).content.decode()
    assert "<svg" in body and "plan-chart" in body
    assert str(milestone(planned_order, "pp_sample").label) in body
    assert "Sewing" in body and "R26" in body


def test_order_page_forms_call_the_services(client, planned_order, merchandiser):
    client.force_login(merchandiser)
    today = timezone.localdate()
    reply = milestone(planned_order, "lab_dips")
    url = reverse("orders:milestone_done", args=[planned_order.pk, reply.pk])
    client.post(url, {"on": planned_order.order_date + timedelta(days=1)})
    assert milestone(planned_order, "lab_dips").actual_date is not None
    client.post(
        reverse("orders:progress", args=[planned_order.pk]),
        {
            "step": ProcessStep.objects.get(code="cutting").pk,
            "reported_on": today,
            "quantity_done": 50,
            "quantity_scrapped": 1,
        },
    )
    assert planned_order.progress.get().quantity_done == 50
    client.post(
        reverse("orders:date_change", args=[planned_order.pk]),
        {
            "requested_by": "factory",
            "proposed_date": "2026-05-08",
            "reason": "Dye house backlog",
            "responsible": "factory",
        },
    )
    change = DateChangeRequest.objects.get()
    response = client.post(
        reverse("orders:date_change_decide", args=[planned_order.pk, change.pk]),
        {"party": "customer", "agreed": "1", "note": "Buyer agreed by e-mail"},
    )
    assert response.status_code == 302
    assert Order.objects.get(pk=planned_order.pk).ex_factory_date == date(2026, 5, 8)


def test_order_list_and_admin_flag_orders_at_risk(
    client, planned_order, merchandiser, department_manager
):
    OrderPlan.objects.filter(order=planned_order).update(at_risk=True)
    client.force_login(merchandiser)
    assert "At risk" in client.get(reverse("orders:list")).content.decode()
    client.force_login(department_manager)
    response = client.get(reverse("admin:orders_order_changelist") + "?at_risk=1")
    assert response.status_code == 200 and planned_order.po_number in response.content.decode()


def test_lateness_report_page(client, merchandiser):
    client.force_login(merchandiser)
    assert client.get(reverse("orders:lateness")).status_code == 200


def test_managers_edit_templates_in_the_admin(client, department_manager):
    client.force_login(department_manager)
    assert client.get(reverse("admin:orders_plantemplate_changelist")).status_code == 200
    assert client.get(reverse("admin:orders_plantemplate_change", args=[1])).status_code == 200


def test_order_list_with_plans_queries_do_not_grow(client, merchandiser):
    client.force_login(merchandiser)
    add_orders(merchandiser, 10)
    plan_all(merchandiser)
    url = reverse("orders:list")
    with_10 = count_queries(client, url)
    add_orders(merchandiser, 100)
    plan_all(merchandiser)
    assert count_queries(client, url) == with_10


def test_home_and_order_page_with_plans_queries_do_not_grow(client, planned_order, merchandiser):
    client.force_login(merchandiser)
    add_orders(merchandiser, 5)
    plan_all(merchandiser)
    home = count_queries(client, reverse("orders:home"))
    page = count_queries(client, planned_order.get_absolute_url())
    add_orders(merchandiser, 60)
    plan_all(merchandiser)
    assert count_queries(client, reverse("orders:home")) == home
    assert count_queries(client, planned_order.get_absolute_url()) == page


def test_reminder_scan_queries_do_not_grow(planned_order, merchandiser):
    today = date(2026, 4, 27)

    def scan_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            collect(today)
        return len(captured)

    add_orders(merchandiser, 5)
    plan_all(merchandiser)
    few = scan_queries()
    add_orders(merchandiser, 60)
    plan_all(merchandiser)
    assert Milestone.objects.count() > 700
    assert scan_queries() == few


def test_the_plan_chart_draws_a_planned_bar_per_milestone_and_dates_its_axis_with_the_year(
    client, planned_order, merchandiser
):
    client.force_login(merchandiser)
    body = client.get(planned_order.get_absolute_url()).content.decode()
    planned = planned_order.milestones.exclude(planned_date=None)
    assert body.count('<rect class="planned-bar"') == planned.count()
    pp = milestone(planned_order, "pp_sample")
    assert f"{pp.label}: Planned " in body and f"– {pp.planned_date:%Y-%m-%d}" in body
    ticks = re.findall(r'<text x="[\d.]+%" y="\d+" fill="#616e7c">([^<]+)</text>', body)
    assert ticks and all(re.fullmatch(r"\d{4}-\d\d-\d\d", tick) for tick in ticks)
