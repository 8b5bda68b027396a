"""R20: the credit gate on the contract's approval — its four conditions, who clears each, and
the general manager's exception with its reason."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from orders.choices import Decision, Settlement, Stage
from orders.credit.rules import r20_applies, r20_credit_status
from orders.credit.services import (
    credit_exception_grant,
    guarantee_approve,
    guarantee_give,
    guarantee_refuse,
)
from orders.gates import gate_statuses
from orders.roles import Role
from orders.services.common import ActionRefused
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from shipping.choices import PaymentKind
from shipping.services.settlement import payment_record
from tests.factories import (
    fresh,
    make_customer,
    make_order,
    make_team,
    make_user,
    tick_contract,
)

pytestmark = pytest.mark.django_db

# make_order's default: 300 pcs at 5.50 = USD 1,650.00


@pytest.fixture
def salesperson(team):
    return make_user(Role.MERCHANDISER, team=team)


@pytest.fixture
def customer(salesperson):
    return make_customer(
        name="Harbour Line Trading",
        credit_limit=Decimal("5000"),
        credit_currency="USD",
        salesperson=salesperson,
    )


@pytest.fixture
def order(merchandiser, customer):
    return make_order(merchandiser=merchandiser, customer=customer)


def _owing(merchandiser, customer, amount: str):
    """An approved order of the same customer, nothing paid on it yet."""
    other = make_order(
        merchandiser=merchandiser,
        customer=customer,
        lines=[{"colour": "Black", "quantity": 1000, "unit_price": Decimal(amount) / 1000}],
    )
    type(other).objects.filter(pk=other.pk).update(stage=Stage.APPROVED)
    return other


def _holding(order) -> list[str]:
    return [condition.code for condition in r20_credit_status(fresh(order)).holding]


def test_r20_within_the_credit_limit(order, merchandiser, customer):
    _owing(merchandiser, customer, "3000")
    status = r20_credit_status(order)
    assert status.met and _holding(order) == ["limit"]
    limit = next(c for c in status.conditions if c.code == "limit")
    assert "USD 3,000.00" in limit.label and "USD 1,650.00" in limit.label
    _owing(merchandiser, customer, "500")  # 3,000 + 500 + 1,650 > 5,000
    assert not r20_credit_status(fresh(order)).met


def test_r20_a_remittance_covers_the_order(order, merchandiser, customer, finance):
    _owing(merchandiser, customer, "4900")
    assert not r20_credit_status(order).met
    payment_record(
        order_id=order.pk,
        user=finance,
        kind=PaymentKind.BALANCE,
        amount=Decimal("1650.00"),
        received_on=date.today(),
        reference="TT-8812",
    )
    assert _holding(order) == ["remittance"]


def test_r20_salespersons_guarantee_approved_by_a_manager(
    order, merchandiser, customer, salesperson, department_manager
):
    _owing(merchandiser, customer, "4900")
    guarantee = guarantee_give(order_id=order.pk, user=salesperson, note="Pays in 30 days, 9 years")
    assert not r20_credit_status(fresh(order)).met  # given, not yet approved
    with pytest.raises(ActionRefused, match="already waits"):
        guarantee_give(order_id=order.pk, user=salesperson, note="again")
    with pytest.raises(ActionRefused, match="A manager other than the salesperson"):
        guarantee_approve(guarantee_id=guarantee.pk, user=merchandiser)
    guarantee_approve(guarantee_id=guarantee.pk, user=department_manager, comment="ok")
    assert _holding(order) == ["guarantee"]
    assert fresh(order).events.filter(action="credit_guarantee_approved").exists()


def test_r20_refused_guarantee_needs_a_reason_and_does_not_clear(
    order, merchandiser, customer, salesperson, department_manager
):
    _owing(merchandiser, customer, "4900")
    guarantee = guarantee_give(order_id=order.pk, user=salesperson, note="Old customer")
    with pytest.raises(ActionRefused, match="reason"):
        guarantee_refuse(guarantee_id=guarantee.pk, user=department_manager, reason="")
    guarantee_refuse(guarantee_id=guarantee.pk, user=department_manager, reason="Paid late twice")
    assert not r20_credit_status(fresh(order)).met


def test_r20_monthly_customer_waits_for_last_month_statement(
    merchandiser, general_manager, finance, department_manager
):
    """The monthly condition reads R31's statements (tests/statements has the whole rule);
    without last month's statement an owing monthly customer waits, unless the GM excepts."""
    from datetime import timedelta

    from django.utils import timezone

    from shipping.statements.ledger import previous_month
    from tests.shipping.conftest import at_stage, issue_invoice

    monthly = make_customer(settlement=Settlement.MONTHLY)
    shipped = at_stage(make_order(merchandiser=merchandiser, customer=monthly), Stage.SHIPPING)
    issue_invoice(shipped, "CI-M1", issued_on=previous_month(timezone.localdate()) + timedelta(2))
    order = make_order(merchandiser=merchandiser, customer=monthly)
    status = r20_credit_status(order)
    (statement,) = status.conditions
    assert statement.met is False and "not drawn up" in statement.label and not status.met
    with pytest.raises(ActionRefused, match="needs a reason"):
        credit_exception_grant(order_id=order.pk, user=general_manager, reason=" ")
    credit_exception_grant(order_id=order.pk, user=general_manager, reason="Statement paid, fax")
    status = r20_credit_status(fresh(order))
    assert status.met and status.exception.reason == "Statement paid, fax"


def test_r20_only_the_general_manager_grants_the_exception(order, department_manager):
    with pytest.raises(ActionRefused, match="Only the general manager"):
        credit_exception_grant(order_id=order.pk, user=department_manager, reason="trust them")


def test_r20_customer_not_sold_on_credit_has_no_credit_gate(merchandiser):
    order = make_order(merchandiser=merchandiser)
    assert not r20_applies(order)
    assert "credit" not in [status.gate.code for status in gate_statuses(order, "approve")]


def test_r20_the_last_signature_waits_for_credit(
    order, merchandiser, customer, salesperson, department_manager, administration
):
    _owing(merchandiser, customer, "4900")
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    approval_record(order_id=order.pk, user=department_manager, decision=Decision.APPROVED)
    with pytest.raises(ActionRefused) as refused:
        approval_record(order_id=order.pk, user=administration, decision=Decision.APPROVED)
    assert any("R20" in str(detail) for detail in refused.value.details)
    assert fresh(order).stage == Stage.IN_REVIEW
    guarantee = guarantee_give(order_id=order.pk, user=salesperson, note="Known 9 years")
    guarantee_approve(guarantee_id=guarantee.pk, user=department_manager)
    approval_record(order_id=order.pk, user=administration, decision=Decision.APPROVED)
    assert fresh(order).stage == Stage.APPROVED


def test_r20_order_page_shows_which_condition_holds_and_who_clears(
    client, order, merchandiser, customer
):
    _owing(merchandiser, customer, "4900")
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Credit not cleared" in page
    assert "USD 4,900.00" in page and "the salesperson, then a manager" in page
    assert reverse("credit:guarantee", args=[order.pk]) in page
    response = client.post(
        reverse("credit:guarantee", args=[order.pk]), {"comment": "Known 9 years"}, follow=True
    )
    assert "Guarantee recorded" in response.content.decode()


def test_r20_every_credit_step_refused_for_the_wrong_role(
    order, merchandiser, customer, salesperson, department_manager, qc, finance
):
    """Give a guarantee: the salesperson or the order's merchandiser, not QC or another team;
    decide it: a manager, not a merchandiser nor finance; the exception: the GM only."""
    _owing(merchandiser, customer, "4900")
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    for wrong in (qc, stranger):
        with pytest.raises(ActionRefused, match="Only the salesperson"):
            guarantee_give(order_id=order.pk, user=wrong, note="trust them")
    assert not fresh(order).credit_guarantees.exists()
    guarantee = guarantee_give(order_id=order.pk, user=salesperson, note="Known 9 years")
    for wrong in (merchandiser, finance, salesperson):
        with pytest.raises(ActionRefused, match="A manager other than the salesperson"):
            guarantee_approve(guarantee_id=guarantee.pk, user=wrong)
        with pytest.raises(ActionRefused, match="A manager other than the salesperson"):
            guarantee_refuse(guarantee_id=guarantee.pk, user=wrong, reason="late payer")
    for wrong in (merchandiser, finance, make_user(Role.DEPUTY_GENERAL_MANAGER)):
        with pytest.raises(ActionRefused, match="Only the general manager"):
            credit_exception_grant(order_id=order.pk, user=wrong, reason="trust them")
    order = fresh(order)
    assert order.credit_guarantees.get().status == "requested"
    assert not order.credit_exceptions.exists() and not r20_credit_status(order).met


def test_r20_a_manager_who_is_the_salesperson_does_not_approve_his_own_guarantee(
    order, merchandiser, customer, department_manager
):
    type(customer).objects.filter(pk=customer.pk).update(salesperson=department_manager)
    _owing(merchandiser, customer, "4900")
    guarantee = guarantee_give(order_id=order.pk, user=department_manager, note="My customer")
    with pytest.raises(ActionRefused, match="A manager other than the salesperson"):
        guarantee_approve(guarantee_id=guarantee.pk, user=department_manager)
    assert not r20_credit_status(fresh(order)).met
