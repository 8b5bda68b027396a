"""R11 → R21: the T/T deposit finance confirms at the production gate is a payment received."""

from datetime import timedelta
from decimal import Decimal

import pytest
from freezegun import freeze_time

from orders.choices import Clearance, PaymentTerms
from orders.services.review import clearance_record
from shipping import rules
from shipping.choices import PaymentKind, PaymentStatus
from tests.factories import fresh, make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def tt_order(merchandiser):
    return make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
    )  # one line: 300 pcs × 5.50 = 1,650.00


def test_r11_confirmed_deposit_is_recorded_as_the_deposit_payment(tt_order, finance):
    clearance_record(
        order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED, reference="HSBC 7781"
    )

    (payment,) = fresh(tt_order).payments.all()
    assert (payment.kind, payment.amount, payment.recorded_by) == (
        PaymentKind.DEPOSIT, Decimal("495.00"), finance,
    )  # fmt: skip
    assert "HSBC 7781" in payment.reference


def test_r21_a_confirmed_deposit_is_not_shown_overdue_in_collections(tt_order, finance):
    clearance_record(order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)

    with freeze_time(tt_order.order_date + timedelta(days=60)):
        status = rules.balance(fresh(tt_order)).status

    assert status != PaymentStatus.OVERDUE


def test_r11_other_clearances_record_no_payment(merchandiser, department_manager):
    order = make_order(merchandiser=merchandiser, payment_terms=PaymentTerms.OPEN_ACCOUNT)
    clearance_record(order_id=order.pk, user=department_manager, kind=Clearance.CREDIT_APPROVED)
    assert not fresh(order).payments.exists()


def test_r11_deposit_confirmed_again_after_a_bigger_order_records_the_difference(tt_order, finance):
    from django.utils import timezone

    from orders.models import OrderLine, PaymentClearance

    clearance_record(order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    # A change request made the order bigger and voided the confirmation (R8, R11).
    OrderLine.objects.filter(order=tt_order).update(
        quantity=400, size_breakdown={"S": 200, "M": 200}
    )
    PaymentClearance.objects.filter(order=tt_order).update(void_at=timezone.now())

    clearance_record(order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)

    amounts = sorted(p.amount for p in fresh(tt_order).payments.all())
    assert amounts == [Decimal("165.00"), Decimal("495.00")]  # 30 % of 2,200 = 660
