"""R21: payment status, overdue reminders exactly once a day, and the collections ageing."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from freezegun import freeze_time

from orders.choices import PaymentTerms, Stage
from orders.services.common import ActionRefused
from orders.tasks_reminders import daily_reminders
from shipping import rules, selectors
from shipping.choices import DeductionSource, PaymentKind, PaymentStatus
from shipping.reminders import r21_overdue_payment_items
from shipping.services import deduction_record, payment_record
from tests.factories import make_order, make_user
from tests.outbox import after_commit
from tests.shipping.conftest import at_stage

pytestmark = pytest.mark.django_db

SHIPPED = date(2026, 3, 1)


@pytest.fixture
def shipped(merchandiser):
    return shipped_order(merchandiser)


def shipped_order(merchandiser):
    # T/T, 30 % deposit: total 5 500.00; deposit 1 650.00 due 7 days after the order date,
    # balance due 7 days after the ex-factory date (no B/L recorded).
    order = make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
        order_date=SHIPPED - timedelta(days=60),
        ex_factory_date=SHIPPED,
        customer_date=SHIPPED + timedelta(days=10),
        lines=[
            {"colour": "Navy", "size_breakdown": {"M": 1000}, "quantity": 1000}
            | {"unit_price": Decimal("5.50")}
        ],
    )
    return at_stage(order, Stage.SHIPPING)


def pay(order, user, amount, kind=PaymentKind.BALANCE, on=SHIPPED):
    return payment_record(
        order_id=order.pk, user=user, kind=kind, amount=Decimal(amount), received_on=on
    )


def status(order, today):
    return rules.balance(order, today=today).status


def test_r21_pending_partial_paid(shipped, finance):
    before_deposit_due = SHIPPED - timedelta(days=60)
    assert status(shipped, before_deposit_due) == PaymentStatus.PENDING
    pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
    assert status(shipped, SHIPPED) == PaymentStatus.PARTIAL
    pay(shipped, finance, "3850.00")
    balance = rules.balance(shipped, today=SHIPPED)
    assert balance.status == PaymentStatus.PAID
    assert balance.owed.amount == Decimal("0.00")


def test_r21_overdue_when_the_deposit_is_late(shipped):
    deposit_due = shipped.order_date + timedelta(days=7)
    assert status(shipped, deposit_due) == PaymentStatus.PENDING
    assert status(shipped, deposit_due + timedelta(days=1)) == PaymentStatus.OVERDUE


def test_r21_overdue_balance_with_a_frozen_clock(shipped, finance):
    pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
    with freeze_time(SHIPPED + timedelta(days=7)):
        assert rules.balance(shipped).status == PaymentStatus.PARTIAL
    with freeze_time(SHIPPED + timedelta(days=8)):
        balance = rules.balance(shipped)
        assert balance.status == PaymentStatus.OVERDUE
        assert balance.days_overdue == 1


def test_r21_bill_of_lading_date_moves_the_due_date(shipped, merchandiser):
    from shipping.choices import ExportDocumentKind
    from shipping.services import export_document_record

    export_document_record(
        order_id=shipped.pk,
        user=merchandiser,
        kind=ExportDocumentKind.BILL_OF_LADING,
        number="COSU123",
        issued_on=SHIPPED + timedelta(days=5),
    )
    assert rules.balance(shipped).due_on == SHIPPED + timedelta(days=12)


def test_r21_deductions_with_reason_lower_what_is_owed(shipped, finance, department_manager):
    pay(shipped, finance, "5000.00")
    with pytest.raises(ActionRefused):
        deduction_record(
            order_id=shipped.pk,
            user=department_manager,
            source=DeductionSource.CLAIM,
            amount=Decimal("500"),
            reason="",
        )
    deduction_record(
        order_id=shipped.pk,
        user=department_manager,
        source=DeductionSource.CLAIM,
        amount=Decimal("500.00"),
        reason="Shortage of 90 pcs",
    )
    assert rules.balance(shipped, today=SHIPPED).status == PaymentStatus.PAID


def test_r21_only_finance_records_payments_in_the_order_currency(shipped, merchandiser, finance):
    with pytest.raises(ActionRefused):
        pay(shipped, merchandiser, "100")
    with pytest.raises(ActionRefused):
        payment_record(
            order_id=shipped.pk,
            user=finance,
            kind=PaymentKind.BALANCE,
            amount=Decimal("100"),
            received_on=SHIPPED,
            currency="EUR",
        )
    with pytest.raises(ActionRefused):
        pay(shipped, finance, "0")
    with pytest.raises(TypeError):  # money is Decimal, never float
        payment_record(
            order_id=shipped.pk,
            user=finance,
            kind=PaymentKind.BALANCE,
            amount=1.5,
            received_on=SHIPPED,
        )


def test_r21_overdue_payment_reminders(shipped, merchandiser, finance):
    """R21's reminder is an item of the merchandiser's daily digest, once a day, until paid."""
    pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
    assert r21_overdue_payment_items(SHIPPED) == []  # the balance is not due yet
    (item,) = r21_overdue_payment_items(SHIPPED + timedelta(days=30))
    assert (item.user_id, item.order_id, item.overdue_days) == (merchandiser.pk, shipped.pk, 23)
    assert "USD 3,850.00" in str(item.title)
    with freeze_time(SHIPPED + timedelta(days=30)), after_commit():
        daily_reminders.delay()
        daily_reminders.delay()  # the next hourly beat, a retry or a second worker
    (message,) = [m for m in mail.outbox if m.to == [merchandiser.email]]
    assert shipped.po_number in message.body and "R21" in message.body
    with freeze_time(SHIPPED + timedelta(days=31)), after_commit():
        daily_reminders.delay()
    assert len([m for m in mail.outbox if m.to == [merchandiser.email]]) == 2
    pay(shipped, finance, "3850.00")
    assert r21_overdue_payment_items(SHIPPED + timedelta(days=32)) == []


def test_r21_one_refused_reminder_holds_up_no_one_and_is_retried(
    shipped, merchandiser, team, smtp_sink
):
    other_merchandiser = make_user("merchandiser", team=team)
    shipped_order(other_merchandiser)
    smtp_sink.refuse_recipient(merchandiser.email, times=2)  # refused on the first two tries
    with freeze_time(SHIPPED + timedelta(days=30)), after_commit():
        daily_reminders.delay()
    received = [message["To"] for message in smtp_sink.wait_for(2)]
    assert sorted(received) == sorted([merchandiser.email, other_merchandiser.email])
    assert smtp_sink.recipient_refusals == 2


def test_r21_collections_aged_per_customer(shipped, finance, merchandiser):
    pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
    rows = selectors.collections(today=SHIPPED + timedelta(days=7 + 45))
    row = next(r for r in rows if r.customer == shipped.customer)
    assert row.buckets["31-60"] == Decimal("3850.00")
    assert row.total == Decimal("3850.00")
    rows = selectors.collections(today=SHIPPED)
    row = next(r for r in rows if r.customer == shipped.customer)
    assert row.not_due == Decimal("3850.00")


@pytest.mark.parametrize(
    ("days", "bucket"), [(0, "0-30"), (30, "0-30"), (31, "31-60"), (61, "61-90"), (91, "90+")]
)
def test_r21_ageing_buckets(days, bucket):
    assert selectors.ageing_bucket(days) == bucket


def test_r21_reaches_the_team_head_only_once_overdue_past_the_limit(
    shipped, merchandiser, team, finance, settings
):
    """The reminders page's narrow scan finds the same R21 items as the company-wide one: the
    merchandiser's from the first day overdue, the head's copy past the escalation limit."""
    from orders.reminders.selection import collect, for_user
    from orders.roles import Role

    settings.GENDAN_ESCALATE_AFTER_DAYS = 3
    head = make_user(Role.MERCHANDISER, team=team)
    team.head = head
    team.save()
    pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
    first_overdue = next(
        day
        for offset in range(60)
        if r21_overdue_payment_items(day := SHIPPED + timedelta(days=offset))
    )
    days = [first_overdue + timedelta(days=n) for n in (0, 2, 3)]  # 1, 3 and 4 days overdue
    for day in days:
        everyone = collect(day)
        for person in (merchandiser, head):
            assert for_user(person.pk, day) == everyone.get(person.pk, []), (person, day)
    assert [i.overdue_days for i in for_user(merchandiser.pk, days[1])] == [3]
    assert for_user(head.pk, days[1]) == []
    assert [i.source for i in for_user(head.pk, days[2])] == ["r21_overdue_payments"]


def test_r21_payment_and_deduction_rows_read_in_the_readers_language(shipped, finance):
    """Recorded by an English session, the timeline rows name the payment kind, its status
    and the deduction's source in Chinese for a Chinese reader (they said "Deposit ... —
    Partly paid" in English before)."""
    from django.utils import translation

    with translation.override("en"):
        pay(shipped, finance, "1650.00", kind=PaymentKind.DEPOSIT)
        deduction_record(
            order_id=shipped.pk, user=finance, source=DeductionSource.CLAIM,
            amount=Decimal("10"), reason="短裝 3 件",
        )  # fmt: skip
    payment, deduction = shipped.events.filter(
        action__in=["payment_recorded", "deduction_recorded"]
    ).order_by("id")
    with translation.override("zh-hant"):
        assert translation.gettext("Deposit") in payment.text
        assert not re.search("[A-Za-z]", payment.text.replace("USD", ""))
        assert translation.gettext("Customer claim") in deduction.text
        assert deduction.text.endswith("短裝 3 件")
    with translation.override("en"):
        assert payment.text.startswith("Deposit USD")
