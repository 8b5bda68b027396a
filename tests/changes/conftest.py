"""Builders for the change-request tests: an order approved through the R10 chain, proposals
made from its snapshot, and a request walked along its lifecycle by the right people."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from orders.changes.apply import change_request_apply
from orders.changes.choices import Requester
from orders.changes.fields import contract_snapshot
from orders.changes.lifecycle import (
    change_approval_record,
    change_customer_confirm,
    change_factory_answer,
    change_request_send,
)
from orders.changes.services import change_request_raise
from orders.choices import Decision, Stage
from orders.models import Order
from orders.roles import Role
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from tests.factories import fresh, make_order, make_user, tick_contract


@pytest.fixture
def clerk(db):
    return make_user(Role.ADMINISTRATION, is_staff=True)


@pytest.fixture
def order(merchandiser, department_manager, clerk):
    """300 Navy (S 100, M 200) and 200 White at USD 5.50, on open account, approved by the
    department manager and administration (no general manager needed)."""
    order = make_order(
        merchandiser=merchandiser,
        payment_terms="oa",
        lines=[
            {
                "colour": "Navy",
                "size_breakdown": {"S": 100, "M": 200},
                "quantity": 300,
                "unit_price": Decimal("5.50"),
            },
            {
                "colour": "White",
                "size_breakdown": {"S": 80, "M": 120},
                "quantity": 200,
                "unit_price": Decimal("5.50"),
            },
        ],
    )
    return approve(order, merchandiser, department_manager, clerk)


def approve(order, merchandiser, *signers):
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    for signer in signers:
        approval_record(order_id=order.pk, user=signer, decision=Decision.APPROVED)
    order = fresh(order)
    assert order.stage == Stage.APPROVED
    return order


def at_stage(order, stage) -> Order:
    Order.objects.filter(pk=order.pk).update(stage=stage)
    return fresh(order)


def line(order, colour):
    return order.lines.get(colour=colour)


def propose(order, *, fields=None, lines=None, new_lines=(), extra=None) -> dict:
    """The order's snapshot with some fields and lines changed: lines={colour: {...}}."""
    snapshot = contract_snapshot(order)
    by_colour = {row["colour"]: row for row in snapshot["lines"]}
    for colour, changes in (lines or {}).items():
        by_colour[colour].update(changes)
    snapshot["fields"].update(fields or {})
    snapshot["lines"].extend(new_lines)
    snapshot["extra"].update(extra or {})
    return snapshot


def raise_change(order, user, *, requested_by=Requester.CUSTOMER, **changes):
    options = {
        name: changes.pop(name)
        for name in ("is_amendment", "customer_reference", "reason")
        if name in changes
    }
    options.setdefault("customer_reference", "NW-CHG-7")
    return change_request_raise(
        order_id=order.pk,
        user=user,
        proposed=propose(order, **changes),
        requested_by=requested_by,
        customer_reference_date=date.today(),
        **options,
    )


def walk_to_confirmed(change, merchandiser, *, production=None):
    change_request_send(change_id=change.pk, user=merchandiser)
    change_factory_answer(
        change_id=change.pk, agreed=True, name="王廠長", comment="OK", production=production
    )
    return change_customer_confirm(
        change_id=change.pk,
        user=merchandiser,
        confirmed_by="Ms Lee (Northwind)",
        confirmed_on=date.today(),
    )


def sign(change, *users):
    for user in users:
        change_approval_record(change_id=change.pk, user=user, decision=Decision.APPROVED)
    return type(change).objects.get(pk=change.pk)


def walk_to_applied(change, merchandiser, *signers):
    walk_to_confirmed(change, merchandiser)
    sign(change, *signers)
    return change_request_apply(change_id=change.pk, user=merchandiser)


def later(days: int) -> date:
    return date.today() + timedelta(days=days)
