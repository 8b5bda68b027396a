"""R8 + R11 + R21: what a change does to the money, each line naming finance: the deposit due, the
L/C the customer must amend, the balance owed. The factory's notice keeps the amounts out and
says only that production waits for the money."""

from datetime import date
from decimal import Decimal

import pytest

from orders.changes.choices import ImpactArea
from orders.changes.notice import notice_context
from orders.changes.registry import ChangeContext, impacts
from orders.choices import Clearance, PaymentTerms
from orders.services.review import clearance_record
from shipping.choices import PaymentKind
from shipping.services.settlement import payment_record
from tests.changes.conftest import approve, later, raise_change
from tests.factories import make_order

pytestmark = pytest.mark.django_db

BIGGER = {"Navy": {"sizes": {"S": 200, "M": 200}}}  # 300 → 400 pieces at USD 5.50


def money_lines(change) -> list[tuple[str, str]]:
    context = ChangeContext(change.order, change, change.diff(), extra=change.proposed["extra"])
    return [(str(i.text), str(i.who)) for i in impacts(context) if i.area == ImpactArea.MONEY]


def line_with(change, words: str) -> tuple[str, str]:
    return next(line for line in money_lines(change) if words in line[0])


@pytest.fixture
def tt_order(merchandiser, department_manager, clerk, general_manager, finance):
    order = make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
    )
    return approve(order, merchandiser, department_manager, clerk, general_manager)


@pytest.fixture
def lc_order(merchandiser, department_manager, clerk, general_manager):
    order = make_order(merchandiser=merchandiser, payment_terms=PaymentTerms.LETTER_OF_CREDIT)
    return approve(order, merchandiser, department_manager, clerk)


def test_r11_bigger_order_shows_the_deposit_due_and_what_finance_still_collects(
    tt_order, merchandiser, finance
):
    clearance_record(order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    change = raise_change(tt_order, merchandiser, lines=BIGGER)

    text, who = line_with(change, "Deposit due")
    assert "Deposit due (30%): USD 495.00 → USD 660.00." in text
    assert "Finance confirmed USD 495.00: USD 165.00 more to collect." in text
    assert "payment gate re-opens" in text
    assert "Finance" in who
    # The factory hears that production waits, never the amounts.
    notice = [str(i.text) for i in notice_context(change)["impacts"]]
    assert "Production waits until the new deposit is received (R11)." in notice
    assert not any("495" in text or "660" in text for text in notice)


def test_r11_a_new_deposit_percentage_changes_the_deposit_due(tt_order, merchandiser):
    change = raise_change(tt_order, merchandiser, fields={"deposit_percent": "50.00"})
    text, who = line_with(change, "Deposit due")
    assert "Deposit due (50%): USD 495.00 → USD 825.00." in text and "Finance" in who
    assert not any(
        i.area_label == ImpactArea.MONEY.label for i in notice_context(change)["impacts"]
    )


def test_r11_lc_order_whose_amount_and_dates_change_needs_the_lc_amended(
    lc_order, merchandiser, finance
):
    clearance_record(order_id=lc_order.pk, user=finance, kind=Clearance.LC_RECEIVED)
    new_date = later(75)
    change = raise_change(
        lc_order,
        merchandiser,
        lines=BIGGER,
        fields={"ex_factory_date": new_date.isoformat(), "customer_date": later(85).isoformat()},
    )
    text, who = line_with(change, "amend the L/C")
    assert "amount USD 1,650.00 → USD 2,200.00" in text
    assert f"to allow ex-factory {new_date.isoformat()}" in text
    assert "The L/C received is for USD 1,650.00." in text and "re-opens" in text
    assert "Finance" in who
    notice = [str(i.text) for i in notice_context(change)["impacts"]]
    assert "Production waits until the amended L/C is received (R11)." in notice


def test_r11_lc_order_whose_dates_move_needs_the_lc_amended_with_the_same_amount(
    lc_order, merchandiser
):
    change = raise_change(lc_order, merchandiser, fields={"ex_factory_date": later(65).isoformat()})
    text, _who = line_with(change, "amend the L/C")
    assert "amount" not in text and "latest shipment and expiry dates" in text


def test_r11_lc_order_whose_description_changes_touches_no_money(lc_order, merchandiser):
    change = raise_change(lc_order, merchandiser, fields={"description": "Men's linen shirt"})
    assert money_lines(change) == []


def test_r21_balance_follows_the_new_total_less_what_was_received(tt_order, merchandiser, finance):
    payment_record(
        order_id=tt_order.pk,
        user=finance,
        kind=PaymentKind.DEPOSIT,
        amount=Decimal("495.00"),
        received_on=date.today(),
        reference="TT-1",
    )
    change = raise_change(tt_order, merchandiser, lines=BIGGER)
    text, who = line_with(change, "Balance")
    assert "Balance the customer owes: USD 1,155.00 → USD 1,705.00." in text
    assert "USD 495.00 already received or deducted." in text and who == "Finance"


def test_r11_the_change_page_shows_the_money_lines_to_finance(
    client, tt_order, merchandiser, finance
):
    clearance_record(order_id=tt_order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    change = raise_change(tt_order, merchandiser, lines=BIGGER)
    client.force_login(finance)
    page = client.get(change.get_absolute_url()).content.decode()
    assert "Deposit due (30%): USD 495.00 → USD 660.00." in page
    assert "Balance the customer owes" in page
