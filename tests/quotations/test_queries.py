"""The approvals queue runs the same number of queries with 3 quotations waiting as with 10."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orders.models import Order, OrderLine
from orders.quotations.services import quotation_submit
from tests.factories import make_order
from tests.quotations.builders import make_quotation

pytestmark = pytest.mark.django_db


def submit_quotations(merchandiser, customer, count: int, start: int) -> list:
    quotations = []
    for number in range(start, start + count):
        quotation = make_quotation(user=merchandiser, customer=customer, style_no=f"QS-{number}")
        quotation_submit(quotation_id=quotation.pk, user=merchandiser)
        quotations.append(quotation)
    return quotations


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_r18_approvals_queue_queries_do_not_grow_with_quotations(
    client, merchandiser, customer, general_manager
):
    # R18: a price below the customer's last price for the style is special (6.50 < 9.00).
    make_order(
        merchandiser=merchandiser, customer=customer, style_no="qs-1", order_date=date(2026, 1, 5)
    )
    OrderLine.objects.filter(order__style_no="qs-1").update(unit_price=Decimal("9.00"))
    first = submit_quotations(merchandiser, customer, 3, 0)
    client.force_login(general_manager)
    url = reverse("quotations:approvals")
    with_3, page = count_queries(client, url)
    assert all(quotation.label in page for quotation in first)
    assert page.count("special price") == 1
    submit_quotations(merchandiser, customer, 7, 3)
    with_10, page = count_queries(client, url)
    assert with_3 == with_10, f"{with_3} queries with 3 quotations waiting, {with_10} with 10"
    assert page.count("special price") == 1


def test_r18_customer_last_prices_read_at_once_are_those_read_one_by_one(merchandiser, customer):
    from orders.choices import Stage
    from orders.quotations.models import Quotation
    from orders.quotations.rules import r18_customer_last_price, r18_customer_last_prices

    make_order(merchandiser=merchandiser, customer=customer, style_no="A-1", currency="USD")
    newer = make_order(
        merchandiser=merchandiser, customer=customer, style_no="a-1", order_date=date(2030, 1, 1)
    )
    OrderLine.objects.filter(order=newer).update(unit_price=Decimal("7.25"))
    cancelled = make_order(
        merchandiser=merchandiser, customer=customer, style_no="B-2", order_date=date(2031, 1, 1)
    )
    Order.objects.filter(pk=cancelled.pk).update(stage=Stage.CANCELLED)
    make_order(merchandiser=merchandiser, customer=customer, style_no="C-3", currency="EUR")
    quotations = [
        make_quotation(user=merchandiser, customer=customer, style_no=style)
        for style in ("A-1", " a-1", "B-2", "C-3", "D-4")
    ]
    at_once = r18_customer_last_prices(Quotation.objects.filter(pk__in=[q.pk for q in quotations]))
    one_by_one = {quotation.pk: r18_customer_last_price(quotation) for quotation in quotations}
    assert at_once == one_by_one
    assert one_by_one[quotations[0].pk] == (Decimal("7.25"), newer.po_number)
