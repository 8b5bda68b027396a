"""A monthly customer (月結) with last month's invoices, payments and claims."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from orders.choices import Settlement, Stage
from orders.models import CustomerContact
from shipping.choices import DeductionSource, PaymentKind
from shipping.models import Deduction
from shipping.services import deduction_record, payment_record
from shipping.statements.ledger import previous_month
from tests.factories import make_customer, make_order
from tests.shipping.conftest import at_stage, issue_invoice


def on_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


@dataclass
class Month:
    customer: object
    period: date
    shipped: object  # invoiced before the month: brought forward
    this_month: object  # invoiced in the month, part paid, a claim
    euro: object  # another currency


@pytest.fixture
def monthly_customer(db):
    customer = make_customer(
        name="北方貿易有限公司", settlement=Settlement.MONTHLY, language="zh-hant"
    )
    CustomerContact.objects.create(customer=customer, name="陳小姐", email="chen@north.example")
    return customer


def invoiced_order(merchandiser, customer, *, lines, day, number, currency="USD"):
    order = make_order(merchandiser=merchandiser, customer=customer, currency=currency, lines=lines)
    order = at_stage(order, Stage.SHIPPING)
    issue_invoice(order, number, issued_on=day)
    return order


@pytest.fixture
def month(monthly_customer, merchandiser, finance, department_manager) -> Month:
    period = previous_month(timezone.localdate())
    before = period - timedelta(days=10)
    shipped = invoiced_order(
        merchandiser, monthly_customer, day=before, number="CI-OLD",
        lines=[{"colour": "Navy", "quantity": 300, "unit_price": Decimal("5.50")}],
    )  # fmt: skip
    this_month = invoiced_order(
        merchandiser, monthly_customer, day=period + timedelta(days=4), number="CI-NEW",
        lines=[{"colour": "Red", "quantity": 1000, "unit_price": Decimal("4.125")}],
    )  # fmt: skip
    euro = invoiced_order(
        merchandiser, monthly_customer, day=period + timedelta(days=6), number="CI-EUR",
        currency="EUR", lines=[{"colour": "Grey", "quantity": 100, "unit_price": Decimal("9.99")}],
    )  # fmt: skip
    payment_record(
        order_id=shipped.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("1000.00"),
        received_on=before + timedelta(days=2), reference="TT-1",
    )  # fmt: skip
    payment_record(
        order_id=shipped.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("650.00"),
        received_on=period + timedelta(days=9), reference="TT-2",
    )  # fmt: skip
    payment_record(
        order_id=this_month.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("2000.00"),
        received_on=period + timedelta(days=20), reference="TT-3",
    )  # fmt: skip
    claim = deduction_record(
        order_id=this_month.pk, user=finance, source=DeductionSource.CLAIM,
        amount=Decimal("125.50"), reason="Short shipped 30 pcs",
    )  # fmt: skip
    Deduction.objects.filter(pk=claim.pk).update(recorded_at=on_day(period + timedelta(days=12)))
    return Month(monthly_customer, period, shipped, this_month, euro)
