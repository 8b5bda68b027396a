"""The plan board: open orders as rows, milestones as columns, late cells marked, filtered by
customer, factory, stage, merchandiser and week, sorted and exported like every list."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from orders.choices import Stage
from orders.models import Order
from orders.roles import Role
from orders.services.planning import plan_build
from tests.exports.conftest import table_of
from tests.factories import make_customer, make_order, make_user
from tests.orders.test_queries import count_queries
from tests.qa.conftest import in_stage

pytestmark = pytest.mark.django_db


def order_in_plan(merchandiser, po, ex_factory_in_days, **fields):
    today = timezone.localdate()
    order = make_order(
        merchandiser=merchandiser,
        po_number=po,
        order_date=today - timedelta(days=60),
        ex_factory_date=today + timedelta(days=ex_factory_in_days),
        customer_date=today + timedelta(days=ex_factory_in_days + 14),
        **fields,
    )
    plan_build(order=order, user=merchandiser)
    return Order.objects.get(pk=order.pk)


def board_rows(body: str) -> list[str]:
    return re.findall(r'<th scope="row" class="nowrap"><a href="/orders/\d+/">([\w-]+)</a>', body)


def test_the_board_shows_open_orders_milestone_by_milestone_with_late_cells_marked(
    client, merchandiser
):
    soon = order_in_plan(merchandiser, "SOON-1", 20)
    shipped = in_stage(order_in_plan(merchandiser, "GONE-1", 20), Stage.SHIPPING)
    client.force_login(merchandiser)
    body = client.get("/plan/board/").content.decode()
    assert board_rows(body) == ["SOON-1"]
    assert shipped.po_number not in body
    for milestone in soon.milestones.all():
        assert str(milestone.label) in body
    late = soon.milestones.filter(planned_date__lt=timezone.localdate(), actual_date=None)
    assert late.exists(), "an order due in 20 days has milestones already past"
    assert body.count('<td class="board-cell late"') == late.count()
    first_late = late.order_by("position").first()
    assert f'title="{first_late.label}: Late"' in body


def test_a_done_milestone_shows_its_actual_date(client, merchandiser):
    order = order_in_plan(merchandiser, "DONE-1", 20)
    first = order.milestones.order_by("position").first()
    first.actual_date = date(2026, 3, 4)
    first.save()
    client.force_login(merchandiser)
    body = client.get("/plan/board/").content.decode()
    assert "✓ 03-04" in body and 'class="board-cell done"' in body


def test_filter_by_week_customer_and_merchandiser(client, merchandiser):
    acme = make_customer(name="Acme")
    near = order_in_plan(merchandiser, "NEAR-1", 10, customer=acme)
    order_in_plan(merchandiser, "FAR-1", 200)
    colleague = make_user(Role.MERCHANDISER, team=merchandiser.profile.team)
    order_in_plan(colleague, "THEIRS-1", 200)
    client.force_login(merchandiser)
    ex_factory_week = near.ex_factory_date.strftime("%G-W%V")
    body = client.get("/plan/board/", {"week": ex_factory_week}).content.decode()
    assert board_rows(body) == ["NEAR-1"]
    body = client.get("/plan/board/", {"customer": acme.pk}).content.decode()
    assert board_rows(body) == ["NEAR-1"]
    body = client.get("/plan/board/", {"merchandiser": colleague.pk}).content.decode()
    assert board_rows(body) == ["THEIRS-1"]


def test_a_malformed_week_says_how_to_write_it(client, merchandiser):
    order_in_plan(merchandiser, "ANY-1", 20)
    client.force_login(merchandiser)
    body = client.get("/plan/board/", {"week": "next week"}).content.decode()
    assert "Enter a week like 2026-W48." in body


def test_sorted_by_ex_factory_descending_and_exported_with_the_filters(client, merchandiser):
    order_in_plan(merchandiser, "A-1", 10)
    order_in_plan(merchandiser, "B-1", 90)
    client.force_login(merchandiser)
    body = client.get("/plan/board/", {"sort": "-ex_factory_date"}).content.decode()
    assert board_rows(body) == ["B-1", "A-1"]
    header, rows = table_of(client.get("/plan/board/", {"sort": "-ex_factory_date",
                                                        "export": "xlsx"}))  # fmt: skip
    assert [row[0] for row in rows] == ["B-1", "A-1"]
    assert any(str(h).endswith(": planned") for h in header)


def test_the_board_is_in_the_navigation(client, merchandiser):
    client.force_login(merchandiser)
    assert 'href="/plan/board/"' in client.get("/").content.decode()


def test_board_queries_do_not_grow_with_orders(client, merchandiser):
    order_in_plan(merchandiser, "Q-1", 30)
    client.force_login(merchandiser)
    few = count_queries(client, "/plan/board/")
    for n in range(2, 8):
        order_in_plan(merchandiser, f"Q-{n}", 30 + n)
    assert count_queries(client, "/plan/board/") == few


def test_the_columns_are_the_milestones_of_the_orders_on_the_page_in_plan_order(
    client, merchandiser
):
    from orders.models import Milestone

    plain = order_in_plan(merchandiser, "PLAIN-1", 20, customer=make_customer(name="Plain"))
    extra = order_in_plan(merchandiser, "EXTRA-1", 30)
    Milestone.objects.create(
        order=extra, code="lab_dip_retest", name="Lab dip re-test", position=999,
        planned_date=extra.ex_factory_date,
    )  # fmt: skip
    client.force_login(merchandiser)
    heads = re.findall(r'<th class="milestone-head" scope="col">([^<]+)</th>',
                       client.get("/plan/board/").content.decode())  # fmt: skip
    planned = [str(m.label) for m in plain.milestones.order_by("position", "id")]
    assert heads == [*planned, "Lab dip re-test"]
    body = client.get("/plan/board/", {"customer": plain.customer_id}).content.decode()
    assert board_rows(body) == ["PLAIN-1"]
    assert re.findall(r'<th class="milestone-head" scope="col">([^<]+)</th>', body) == planned
