"""The home's blocks show their first rows and count the rest in the database: the same
orders the rules name as waiting, late or due, however many there are."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from orders import rules
from orders.choices import (
    APPROVAL_CHAIN,
    PAYMENT_GATE_OPEN_STAGES,
    Clearance,
    Decision,
    PaymentTerms,
    Stage,
)
from orders.models import Approval, ApprovalThreshold, Order, PaymentClearance
from orders.roles import Role, has_role
from orders.selectors import HOME_ROWS, waiting_for
from tests.factories import make_order, make_user, tick_contract
from tests.orders.test_queries import add_orders, count_queries

pytestmark = pytest.mark.django_db


def waiting_by_the_rules(user) -> list[tuple[int, list[str]]]:
    """What waits for the user, order by order, as the rules say (the home's former loop)."""
    expected = []
    for order in Order.objects.filter(stage__in=PAYMENT_GATE_OPEN_STAGES).order_by(
        "ex_factory_date", "id"
    ):
        what = []
        if order.stage == Stage.RECEIVED:
            if has_role(user, Role.MERCHANDISER) and not rules.contract_check_complete(order):
                what.append("contract check")
        elif order.stage == Stage.IN_REVIEW:
            step = rules.next_approval_step(order)
            if step and has_role(user, rules.APPROVAL_STEP_ROLE[step]):
                what.append(step)
        else:
            given = set(order.clearances.values_list("kind", flat=True))
            if Clearance.GM_EXCEPTION not in given:
                what += [
                    kind
                    for kind in rules.payment_clearances_needed(order)
                    if kind not in given and has_role(user, *rules.CLEARANCE_ROLES[kind])
                ]
        if what:
            expected.append((order.pk, len(what)))
    return expected


def varied_orders(merchandiser) -> None:
    """Orders at every gate: contract checks ticked or not, each prefix of the signature chain
    (with and without the GM's conditions), each payment term with some clearances given."""
    ApprovalThreshold.objects.update_or_create(currency="USD", defaults={"amount": 2000})
    terms = [
        (PaymentTerms.LETTER_OF_CREDIT, 0, False),
        (PaymentTerms.TELEGRAPHIC_TRANSFER, 30, False),
        (PaymentTerms.TELEGRAPHIC_TRANSFER, 0, False),
        (PaymentTerms.OPEN_ACCOUNT, 0, True),
    ]
    day = itertools.count()
    for (payment_terms, deposit, commission), big in itertools.product(terms, (False, True)):
        quantity = 1000 if big else 100
        common = {
            "payment_terms": payment_terms,
            "deposit_percent": Decimal(deposit),
            "commission": commission,
            "lines": [{"colour": "Navy", "size_breakdown": {}, "quantity": quantity,
                       "unit_price": Decimal("5")}],
        }  # fmt: skip

        def order(stage, common=common):
            made = make_order(
                merchandiser=merchandiser,
                ex_factory_date=date.today() + timedelta(days=30 + next(day)),
                **common,
            )
            Order.objects.filter(pk=made.pk).update(stage=stage, review_round=1)
            return made

        tick_contract(order(Stage.RECEIVED))
        order(Stage.RECEIVED)
        for signed in range(len(APPROVAL_CHAIN) + 1):
            made = order(Stage.IN_REVIEW)
            for step in APPROVAL_CHAIN[:signed]:
                Approval.objects.create(
                    order=made, review_round=1, step=step, decision=Decision.APPROVED,
                    user=merchandiser,
                )  # fmt: skip
        for given in ([], [Clearance.LC_RECEIVED], [Clearance.CREDIT_APPROVED],
                      [Clearance.DEPOSIT_CONFIRMED], [Clearance.GM_EXCEPTION]):  # fmt: skip
            made = order(Stage.APPROVED)
            for kind in given:
                PaymentClearance.objects.create(order=made, kind=kind, user=merchandiser)


@pytest.mark.parametrize(
    "roles",
    [
        (Role.MERCHANDISER,),
        (Role.DEPARTMENT_MANAGER,),
        (Role.ADMINISTRATION,),
        (Role.GENERAL_MANAGER,),
        (Role.FINANCE,),
        (Role.QC,),
    ],
)
def test_waiting_for_me_is_what_the_rules_name(merchandiser, roles):
    varied_orders(merchandiser)
    user = make_user(*roles, team=merchandiser.profile.team)
    expected = waiting_by_the_rules(user)
    items, count = waiting_for(user, rows=1000)
    assert [(item.order.pk, len(item.what)) for item in items] == expected
    assert count == len(expected)
    first, count = waiting_for(user, rows=3)
    assert [item.order.pk for item in first] == [pk for pk, _n in expected[:3]]
    assert count == len(expected)


def test_home_blocks_show_their_first_rows_and_count_all(client, merchandiser):
    # add_orders spreads ex-factory dates from 10 days ago to 29 days ahead.
    add_orders(merchandiser, 300)
    client.force_login(merchandiser)
    response = client.get(reverse("orders:home"))
    home = response.context["home"]
    today = timezone.localdate()
    late = Order.objects.filter(
        ex_factory_date__lt=today, stage__in=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED,
                                              Stage.IN_PRODUCTION, Stage.INSPECTION]
    ).order_by("ex_factory_date", "id")  # fmt: skip
    assert [o.pk for o in home.late] == [o.pk for o in late[:HOME_ROWS]]
    assert home.late_count == late.count() > HOME_ROWS
    assert home.due_count > len(home.due_this_week) == HOME_ROWS
    page = response.content.decode()
    assert f"Show all {home.late_count} late orders" in page
    assert "?late=on" in page
    # The same queries as with a few orders.
    queries = count_queries(client, reverse("orders:home"))
    add_orders(merchandiser, 300)
    assert count_queries(client, reverse("orders:home")) == queries
