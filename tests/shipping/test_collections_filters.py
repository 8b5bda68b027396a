"""R21 collections as finance reads them: totals per currency, filtered by customer and ageing
bucket through the URL, the export listing the same orders, and the customers a page at a time."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from freezegun import freeze_time

from orders.choices import Stage
from orders.models import Order
from shipping import rules, selectors
from tests.factories import make_customer, make_order
from tests.shipping.test_collections_scale import TODAY, by_the_rules, owing_orders

pytestmark = pytest.mark.django_db

ON = TODAY + timedelta(days=45)
URL = "/shipping/collections/"


@pytest.fixture
def owing(merchandiser, finance, client):
    owing_orders(merchandiser, finance, 48)
    client.force_login(finance)
    with freeze_time(ON):
        yield by_the_rules(ON)


def per_currency(expected: dict) -> dict:
    totals = {}
    for (_customer, currency), amounts in expected.items():
        totals[currency] = totals.get(currency, Decimal(0)) + sum(amounts.values())
    return totals


def test_r21_collections_total_each_currency_apart(client, owing):
    response = client.get(URL)
    totals = {row.currency: row.total for row in response.context["totals"]}
    assert totals == per_currency(owing)
    assert set(totals) == {"USD", "EUR"}
    page = response.content.decode()
    assert f"{totals['EUR']:,.2f}" in page and f"{totals['USD']:,.2f}" in page


def test_r21_collections_filtered_by_customer_and_ageing_bucket(client, owing):
    customer = Order.objects.order_by("id").first().customer
    response = client.get(URL, {"customer": customer.pk, "ageing": "31-60"})
    rows = response.context["rows"]
    assert rows and {row.customer for row in rows} == {customer}
    for row in rows:
        expected = owing[(customer.pk, row.currency)].get("31-60")
        assert row.total == row.buckets["31-60"] == expected
        assert row.not_due == 0
    # The totals follow the filters, and the filters stay in the page's links.
    assert sum(row.total for row in response.context["totals"]) == sum(r.total for r in rows)
    page = response.content.decode()
    assert "ageing=31-60" in page and f"customer={customer.pk}" in page


def test_r21_ageing_filter_keeps_the_orders_the_rules_put_in_that_bucket(client, owing):
    response = client.get(URL, {"ageing": "not_due"})
    expected = {key: amounts["not due"] for key, amounts in owing.items() if "not due" in amounts}
    assert {(r.customer.pk, r.currency): r.total for r in response.context["rows"]} == expected


def test_r21_collections_export_lists_the_filtered_orders(client, owing):
    customer = Order.objects.order_by("id").first().customer
    response = client.get(URL, {"customer": customer.pk, "ageing": "61-90", "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    header = next(n for n, line in enumerate(lines) if "P/O no." in line)
    rows = [dict(zip(lines[header], line, strict=False)) for line in lines[header + 1 :] if line]
    expected = [
        order.po_number
        for order in Order.objects.filter(customer=customer, stage__in=selectors.OWING_STAGES)
        if selectors.order_bucket(rules.balance(order, today=ON), ON) == "61-90"
        and not rules.balance(order, today=ON).settled
    ]
    assert expected and sorted(row["P/O no."] for row in rows) == sorted(expected)
    assert {row["Customer"] for row in rows} == {customer.name}


def test_collections_list_customers_a_page_at_a_time(client, merchandiser, finance):
    for n in range(55):
        order = make_order(merchandiser=merchandiser, customer=make_customer(name=f"Owing {n:02}"))
        Order.objects.filter(pk=order.pk).update(stage=Stage.SHIPPING)
    client.force_login(finance)
    first = client.get(URL)
    assert first.context["rows_page"].paginator.count == 55
    assert len(first.context["rows"]) == 50
    second = client.get(URL, {"rows": 2})
    assert [row.customer.name for row in second.context["rows"]][-1] == "Owing 54"
