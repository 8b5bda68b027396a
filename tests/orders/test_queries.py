"""The list and the order page run the same number of queries with 10 orders as with 500."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orders.choices import Stage
from orders.models import ContractCheck, Order, OrderLine
from tests.factories import make_customer, make_factory, make_order, tick_contract

pytestmark = pytest.mark.django_db


STAGES = [Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED, Stage.IN_PRODUCTION, Stage.SHIPPING]


def add_orders(merchandiser, count: int) -> None:
    """Bulk-insert `count` orders of the merchandiser's team, two lines each."""
    customer, factory = make_customer(), make_factory()
    today = date.today()
    start = Order.objects.count()
    orders = Order.objects.bulk_create(
        Order(
            customer=customer,
            factory=factory,
            merchandiser=merchandiser,
            team=merchandiser.profile.team,
            po_number=f"PO-BULK-{start + number:05d}",
            style_no=f"ST-{number}",
            description="Bulk",
            payment_terms="lc",
            order_date=today,
            ex_factory_date=today + timedelta(days=number % 40 - 10),
            customer_date=today + timedelta(days=60),
            stage=STAGES[number % len(STAGES)],
        )
        for number in range(count)
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            colour=colour,
            size_breakdown={"S": 10, "M": 20},
            quantity=30,
            unit_price=Decimal("2.5"),
        )
        for order in orders
        for colour in ("Navy", "Black")
    )
    ContractCheck.objects.bulk_create(ContractCheck(order=order) for order in orders)


def count_queries(client, url: str) -> int:
    """Queries of one GET, after a first GET has filled the per-process caches (content types)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_order_list_queries_do_not_grow_with_orders(client, merchandiser):
    client.force_login(merchandiser)
    url = reverse("orders:list")
    add_orders(merchandiser, 10)
    with_10 = count_queries(client, url)
    add_orders(merchandiser, 490)
    with_500 = count_queries(client, url)
    assert with_10 == with_500, f"{with_10} queries with 10 orders, {with_500} with 500"
    # And filtered, too.
    filtered = f"{url}?late=on&q=PO&stage={Stage.RECEIVED}"
    assert count_queries(client, filtered) == with_500


def test_order_page_queries_do_not_grow_with_orders(client, merchandiser, department_manager):
    from orders.services.transitions import order_transition

    order = make_order(merchandiser=merchandiser)
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    client.force_login(merchandiser)
    url = order.get_absolute_url()
    add_orders(merchandiser, 10)
    with_10 = count_queries(client, url)
    add_orders(merchandiser, 490)
    with_500 = count_queries(client, url)
    assert with_10 == with_500, f"{with_10} queries with 10 orders, {with_500} with 500"
    client.force_login(department_manager)
    assert count_queries(client, url) == count_queries(client, url)


def test_home_queries_do_not_grow_with_orders(client, merchandiser):
    client.force_login(merchandiser)
    url = reverse("orders:home")
    add_orders(merchandiser, 10)
    with_10 = count_queries(client, url)
    add_orders(merchandiser, 490)
    assert count_queries(client, url) == with_10
