"""The order list and the admin's changelist cost what they show: the same queries with 30
orders as with 300, a last page read from the other end that lists the same orders, and the
totals of each row summed from its own lines."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orders.models import Order
from orders.paging import ReversingPaginator
from tests.orders.test_queries import add_orders

pytestmark = pytest.mark.django_db


def listed(client, url: str) -> tuple[list[str], int]:
    """The P/O numbers a list page shows, and the queries it took (after a warming GET)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [order.po_number for order in response.context["object_list"]], len(captured)


def test_last_page_lists_the_last_orders_in_list_order(client, merchandiser):
    add_orders(merchandiser, 60)
    client.force_login(merchandiser)
    everything = list(Order.objects.order_by("ex_factory_date", "id"))
    shown = []
    for number in (1, 2, 3):
        rows, _queries = listed(client, f"{reverse('orders:list')}?page={number}")
        shown += rows
    assert shown == [order.po_number for order in everything]
    # The third page is read in the reversed order and turned back: it ends with the latest.
    assert shown[-1] == everything[-1].po_number


def test_order_list_pages_take_the_same_queries_with_ten_times_the_orders(client, merchandiser):
    client.force_login(merchandiser)
    url = reverse("orders:list")
    add_orders(merchandiser, 30)
    _rows, first_30 = listed(client, url)
    _rows, last_30 = listed(client, f"{url}?page=last")
    add_orders(merchandiser, 270)
    rows, first_300 = listed(client, url)
    _rows, last_300 = listed(client, f"{url}?page=last")
    assert (first_300, last_300) == (first_30, last_30)
    assert len(rows) == 25


def test_order_list_totals_are_each_orders_own_lines(client, merchandiser):
    add_orders(merchandiser, 3)  # two lines of 30 at 2.50 each
    client.force_login(merchandiser)
    response = client.get(reverse("orders:list"))
    totals = {(o.total_quantity, o.total_amount.amount) for o in response.context["object_list"]}
    assert totals == {(60, Decimal("150.0000"))}


def test_reversing_paginator_keeps_a_list_not_ordered_by_its_key_forwards(merchandiser):
    add_orders(merchandiser, 30)
    by_date_only = Order.objects.order_by("ex_factory_date")
    page = ReversingPaginator(by_date_only, 25).page(2)
    assert [o.pk for o in page.object_list] == [o.pk for o in by_date_only[25:]]


def test_admin_changelist_queries_do_not_grow_and_skip_the_full_count(
    client, merchandiser, department_manager
):
    client.force_login(department_manager)
    url = f"{reverse('admin:orders_order_changelist')}?q=PO-BULK"
    add_orders(merchandiser, 30)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_orders(merchandiser, 270)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small)
    assert response.context["cl"].result_count == 300
    assert response.context["cl"].full_result_count is None
