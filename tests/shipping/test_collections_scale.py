"""R21 collections summed by the database are what the rules give order by order: every
payment term, deposits paid or not, payments, deductions and B/L dates, on each side of every
ageing boundary; and the page costs the same queries with 10 times the orders."""

import itertools
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orders.choices import PaymentTerms, Stage
from orders.models import Customer, Order
from shipping import rules, selectors
from shipping.choices import DeductionSource, ExportDocumentKind, PaymentKind
from shipping.models import Deduction, ExportDocument, Payment
from tests.factories import make_customer, make_order

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 30)


def owing_orders(merchandiser, finance, count: int) -> None:
    customers = list(Customer.objects.filter(name__startswith="Owing ").order_by("name")) or [
        make_customer(name="Owing A"),
        make_customer(name="Owing B"),
    ]
    terms = [
        (PaymentTerms.LETTER_OF_CREDIT, 0),
        (PaymentTerms.TELEGRAPHIC_TRANSFER, 30),
        (PaymentTerms.TELEGRAPHIC_TRANSFER, 0),
        (PaymentTerms.OPEN_ACCOUNT, 0),
        (PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE, 0),
        (PaymentTerms.DOCUMENTS_AGAINST_PAYMENT, 0),
    ]
    shapes = itertools.cycle(itertools.product(terms, ("USD", "EUR"), range(4)))
    for number in range(count):
        (payment_terms, deposit), currency, paid = next(shapes)
        ex_factory = TODAY - timedelta(days=(number * 7) % 160 - 40)
        order = make_order(
            merchandiser=merchandiser,
            customer=customers[number % 2],
            currency=currency,
            payment_terms=payment_terms,
            deposit_percent=Decimal(deposit),
            order_date=ex_factory - timedelta(days=(number * 13) % 90),
            ex_factory_date=ex_factory,
            customer_date=ex_factory + timedelta(days=10),
            lines=[{"colour": "Navy", "size_breakdown": {}, "quantity": 333 + number,
                    "unit_price": Decimal("3.333")}],
        )  # fmt: skip
        Order.objects.filter(pk=order.pk).update(
            stage=[Stage.SHIPPING, Stage.IN_PRODUCTION, Stage.ON_HOLD][number % 3]
        )
        money = {"order": order, "currency": currency, "recorded_by": finance}
        if paid:
            Payment.objects.create(
                kind=PaymentKind.DEPOSIT, amount=Decimal(100 * paid), received_on=TODAY,
                reference=f"R{number}", **money,
            )  # fmt: skip
        if paid == 2:
            Deduction.objects.create(
                source=DeductionSource.CLAIM, amount=Decimal("10.5"), reason="Short", **money
            )
        if number % 4 == 1:
            ExportDocument.objects.create(
                order=order, kind=ExportDocumentKind.BILL_OF_LADING, number=f"BL{number}",
                issued_on=ex_factory + timedelta(days=number % 9), recorded_by=finance,
            )  # fmt: skip


def by_the_rules(today: date) -> dict:
    """collections() as it was: every order's rules.balance, bucketed in Python."""
    rows = defaultdict(lambda: defaultdict(Decimal))
    for order in Order.objects.filter(stage__in=selectors.OWING_STAGES):
        balance = rules.balance(order, today=today)
        if balance.settled:
            continue
        bucket = selectors.order_bucket(balance, today) or "not due"
        rows[(order.customer_id, order.currency)][bucket] += balance.owed.amount
    return {key: {k: v for k, v in value.items() if v} for key, value in rows.items()}


def summed(today: date) -> dict:
    found = {}
    for row in selectors.collections(today=today):
        amounts = {"not due": row.not_due, **row.buckets}
        found[(row.customer.pk, row.currency)] = {k: v for k, v in amounts.items() if v}
    return found


@pytest.mark.parametrize("days", [0, 1, 7, 30, 31, 60, 61, 90, 91, 150])
def test_r21_collections_summed_by_the_database_are_the_rules_balances(merchandiser, finance, days):
    owing_orders(merchandiser, finance, 60)
    today = TODAY + timedelta(days=days)
    expected = by_the_rules(today)
    assert summed(today) == expected
    assert len({bucket for amounts in expected.values() for bucket in amounts}) >= 2


def test_r21_overdue_orders_are_those_the_rules_call_overdue(merchandiser, finance):
    owing_orders(merchandiser, finance, 60)
    today = TODAY + timedelta(days=20)
    expected = [
        order.pk
        for order in Order.objects.filter(stage__in=selectors.OWING_STAGES)
        if rules.balance(order, today=today).status == "overdue"
    ]
    assert sorted(o.pk for o, _b in selectors.overdue_orders(today=today)) == sorted(expected)
    assert expected


def test_collections_page_lists_a_customers_orders_on_demand_with_constant_queries(
    client, merchandiser, finance
):
    client.force_login(finance)
    owing_orders(merchandiser, finance, 12)
    customer = Order.objects.order_by("id").first().customer

    def fetch():
        url = f"{reverse('shipping:collections')}?customer={customer.pk}&currency=USD"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return response, len(captured)

    _response, small = fetch()
    owing_orders(merchandiser, finance, 108)
    response, large = fetch()
    assert large == small
    shown = [order.pk for order, _balance in response.context["balances"]]
    expected = [
        pair[0].pk
        for pair in selectors.open_balances()
        if pair[0].customer_id == customer.pk and pair[0].currency == "USD"
    ]
    assert response.context["page_obj"].paginator.count == len(expected) > 25
    assert set(shown) <= set(expected) and len(shown) == 25


def r21_items_as_before(today: date, merchandisers, overdue_on=None) -> list:
    """R21's reminder items as they were built: each overdue order's rules.balance."""
    from orders.reminders.registry import ReminderItem

    return [
        ReminderItem(
            user_id=order.merchandiser_id,
            order_id=order.pk,
            order_label=f"{order.po_number} / {order.style_no}",
            title=f"Payment overdue: {balance.owed} owed, please remind the customer (R21)",
            due=balance.due_on,
            source="r21_overdue_payments",
            overdue_days=balance.days_overdue,
        )
        for order, balance in selectors.overdue_orders(
            today=today, merchandisers=merchandisers, overdue_on=overdue_on
        )
    ]


@pytest.mark.parametrize("days", [0, 8, 20, 45, 100])
def test_r21_reminders_from_the_databases_figures_are_the_rules_balances(
    merchandiser, finance, team, settings, days
):
    """The manager's reminders page (and each merchandiser's) lists the same R21 items, with
    the same amounts, due dates and days overdue, as every order's rules.balance gave."""
    from dataclasses import replace

    from orders.reminders.selection import for_user
    from orders.roles import Role
    from tests.factories import make_user

    settings.GENDAN_ESCALATE_AFTER_DAYS = 5
    head = make_user(Role.MERCHANDISER, team=team)
    team.head = head
    team.save()
    owing_orders(merchandiser, finance, 60)
    owing_orders(head, finance, 12)
    today = TODAY + timedelta(days=days)

    def r21(items):
        return [replace(i, title=str(i.title)) for i in items if i.source == "r21_overdue_payments"]

    own = r21_items_as_before(today, [merchandiser.pk])
    assert r21(for_user(merchandiser.pk, today)) == sorted(
        own, key=lambda i: (i.due, i.order_label)
    )
    escalated = [
        item.for_manager(head.pk)
        for item in r21_items_as_before(
            today, [merchandiser.pk], today - timedelta(days=settings.GENDAN_ESCALATE_AFTER_DAYS)
        )
    ]
    mine = r21_items_as_before(today, [head.pk])
    key = lambda i: (i.escalated_from_id is not None, i.due, i.order_label)  # noqa: E731
    assert r21(for_user(head.pk, today)) == sorted(mine + escalated, key=key)
    if days >= 20:
        assert own and escalated
