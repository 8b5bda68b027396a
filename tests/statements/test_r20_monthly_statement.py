"""R20 for a monthly-settlement customer: its order passes the credit gate when last month's
statement (R31) is confirmed by the customer — or its differences resolved — and nothing billed
on it is still owed."""

from datetime import date
from decimal import Decimal

import pytest

from orders.credit.rules import r20_credit_status
from orders.gates import gate_statuses
from shipping.choices import PaymentKind
from shipping.services import payment_record
from shipping.statements.services import (
    statement_answer,
    statement_generate,
    statement_resolve,
    statement_send,
)
from tests.factories import make_customer, make_order

pytestmark = pytest.mark.django_db


def condition(order):
    (statement,) = r20_credit_status(order).conditions
    return statement


def pay_all(month, finance):
    """What was owed at the month's end, received after it."""
    payment_record(
        order_id=month.this_month.pk, user=finance, kind=PaymentKind.BALANCE,
        amount=Decimal("1999.50"), received_on=date.today(), reference="TT-9",
    )  # fmt: skip
    payment_record(
        order_id=month.euro.pk, user=finance, kind=PaymentKind.BALANCE,
        amount=Decimal("999.00"), received_on=date.today(), reference="TT-10",
    )  # fmt: skip


@pytest.fixture
def new_order(month, merchandiser):
    return make_order(merchandiser=merchandiser, customer=month.customer)


def test_r20_monthly_customer_passes_when_last_month_statement_confirmed_and_paid(
    month, new_order, finance
):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    assert condition(new_order).met is False and "not confirmed" in condition(new_order).label
    statement_send(statement_id=statement.pk, user=finance)
    assert condition(new_order).met is False
    statement_answer(statement_id=statement.pk, name="Chen", agreed=True, disputed={})
    held = condition(new_order)
    assert held.met is False
    assert "USD 1,999.50" in held.label and "EUR 999.00" in held.label
    pay_all(month, finance)
    passed = condition(new_order)
    assert passed.met is True and "confirmed and paid" in passed.label
    assert all(
        status.met for status in gate_statuses(new_order, "approve") if status.gate.code == "credit"
    )


def test_r20_paid_but_unconfirmed_statement_does_not_pass(month, new_order, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    statement_send(statement_id=statement.pk, user=finance)
    pay_all(month, finance)
    assert condition(new_order).met is False


def test_r20_disputed_statement_passes_once_resolved_and_paid(month, new_order, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    statement_send(statement_id=statement.pk, user=finance)
    line = statement.lines.first()
    statement_answer(
        statement_id=statement.pk, name="Chen", agreed=False, disputed={line.pk: "Wrong"}
    )
    pay_all(month, finance)
    assert condition(new_order).met is False
    statement_resolve(statement_id=statement.pk, user=finance, resolution="Customer withdrew")
    assert condition(new_order).met is True


def test_r20_monthly_customer_with_nothing_owed_has_nothing_to_clear(merchandiser):
    from orders.choices import Settlement

    monthly = make_customer(settlement=Settlement.MONTHLY)
    order = make_order(merchandiser=merchandiser, customer=monthly)
    assert condition(order).met is True and "Nothing to clear" in condition(order).label


def test_r20_last_month_owed_without_a_statement_waits_for_it(month, new_order):
    statement = condition(new_order)
    assert statement.met is False and "not drawn up yet" in statement.label
