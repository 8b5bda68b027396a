"""Every transition of the order's state machine: allowed and refused, per role."""

from decimal import Decimal

import pytest

from orders.choices import ApprovalStep, Clearance, Decision, PaymentTerms, Stage
from orders.demo.contributors import satisfy_gates
from orders.models import StaleOrderError
from orders.services.common import ActionRefused
from orders.services.review import approval_record, clearance_record
from orders.services.transitions import order_transition
from tests.factories import fresh, make_order, make_team, make_user, tick_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


def submit(order, user):
    tick_contract(order)
    return order_transition(order_id=order.pk, user=user, name="submit_for_review")


def approve_chain(order, *users):
    for user in users:
        approval_record(order_id=order.pk, user=user, decision=Decision.APPROVED)
    return fresh(order)


def test_r5_submit_refused_until_every_contract_item_ticked(order, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    assert "R5" in " ".join(refused.value.details)
    assert fresh(order).stage == Stage.RECEIVED


def test_r5_submit_refused_without_customer_signature(order, merchandiser):
    tick_contract(order, signed=False)
    with pytest.raises(ActionRefused):
        order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    assert fresh(order).stage == Stage.RECEIVED


def test_r5_submit_with_complete_check_moves_to_review_and_signs(order, merchandiser):
    submit(order, merchandiser)
    order = fresh(order)
    assert order.stage == Stage.IN_REVIEW
    assert order.approvals.get().step == ApprovalStep.MERCHANDISER
    event = order.events.filter(action="submit_for_review").get()
    assert (event.actor, event.from_stage, event.to_stage) == (
        merchandiser,
        Stage.RECEIVED,
        Stage.IN_REVIEW,
    )


def test_submit_refused_for_other_teams_merchandiser(order):
    outsider = make_user("merchandiser", team=make_team("Wovens"))
    tick_contract(order)
    with pytest.raises(ActionRefused):
        order_transition(order_id=order.pk, user=outsider, name="submit_for_review")


def test_submit_refused_for_finance(order, finance):
    tick_contract(order)
    with pytest.raises(ActionRefused):
        order_transition(order_id=order.pk, user=finance, name="submit_for_review")


def test_r10_chain_in_order_manager_then_administration(
    order, merchandiser, department_manager, administration
):
    submit(order, merchandiser)
    with pytest.raises(ActionRefused):  # administration cannot sign before the manager
        approval_record(order_id=order.pk, user=administration, decision=Decision.APPROVED)
    approve_chain(order, department_manager)
    assert fresh(order).stage == Stage.IN_REVIEW
    order = approve_chain(order, administration)
    assert order.stage == Stage.APPROVED


def test_r10_large_amount_needs_general_manager(
    merchandiser, department_manager, administration, general_manager
):
    big = make_order(
        merchandiser=merchandiser,
        lines=[
            {
                "colour": "Red",
                "size_breakdown": {"M": 50000},
                "quantity": 50000,
                "unit_price": Decimal("3.00"),
            }
        ],
    )
    submit(big, merchandiser)
    order = approve_chain(big, department_manager, administration)
    assert order.stage == Stage.IN_REVIEW
    order = approve_chain(big, general_manager)
    assert order.stage == Stage.APPROVED


@pytest.mark.parametrize(
    "terms",
    [
        {"payment_terms": PaymentTerms.TELEGRAPHIC_TRANSFER, "deposit_percent": 30},
        {"commission": True},
    ],
)
def test_r10_prepayment_or_commission_needs_general_manager(
    merchandiser, department_manager, administration, terms
):
    order = make_order(merchandiser=merchandiser, **terms)
    submit(order, merchandiser)
    assert approve_chain(order, department_manager, administration).stage == Stage.IN_REVIEW


def test_r10_rejection_returns_order_with_reason(order, merchandiser, department_manager):
    submit(order, merchandiser)
    with pytest.raises(ActionRefused):
        approval_record(order_id=order.pk, user=department_manager, decision=Decision.REJECTED)
    approval_record(
        order_id=order.pk,
        user=department_manager,
        decision=Decision.REJECTED,
        comment="Price below cost",
    )
    order = fresh(order)
    assert order.stage == Stage.RECEIVED
    assert order.events.filter(action="return_for_changes").get().comment == "Price below cost"


def test_r10_resubmission_starts_a_new_round(order, merchandiser, department_manager):
    submit(order, merchandiser)
    approval_record(
        order_id=order.pk, user=department_manager, decision=Decision.REJECTED, comment="Fix price"
    )
    submit(fresh(order), merchandiser)
    from orders import rules

    assert rules.next_approval_step(fresh(order)) == ApprovalStep.DEPARTMENT_MANAGER


@pytest.fixture
def approved(order, merchandiser, department_manager, administration):
    submit(order, merchandiser)
    return approve_chain(order, department_manager, administration)


def test_r11_lc_order_needs_lc_received_and_both_checks(
    approved, merchandiser, finance, administration
):
    satisfy_gates(fresh(approved), "start_production")
    with pytest.raises(ActionRefused):
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    clearance_record(order_id=approved.pk, user=finance, kind=Clearance.LC_RECEIVED)
    clearance_record(
        order_id=approved.pk, user=merchandiser, kind=Clearance.LC_CHECKED_BY_MERCHANDISER
    )
    with pytest.raises(ActionRefused):
        order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    clearance_record(
        order_id=approved.pk, user=administration, kind=Clearance.LC_CHECKED_BY_DOCUMENTS
    )
    order = order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    assert order.stage == Stage.IN_PRODUCTION


def test_r11_production_needs_deposit_confirmed_by_finance(
    merchandiser, department_manager, administration, general_manager, finance
):
    order = make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
    )
    submit(order, merchandiser)
    approve_chain(order, department_manager, administration, general_manager)
    with pytest.raises(ActionRefused):  # only finance confirms a deposit
        clearance_record(order_id=order.pk, user=merchandiser, kind=Clearance.DEPOSIT_CONFIRMED)
    clearance_record(order_id=order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    satisfy_gates(fresh(order), "start_production")
    order = order_transition(order_id=order.pk, user=merchandiser, name="start_production")
    assert order.stage == Stage.IN_PRODUCTION


def test_r11_open_account_needs_manager_approval(
    merchandiser, department_manager, administration, finance
):
    order = make_order(merchandiser=merchandiser, payment_terms=PaymentTerms.OPEN_ACCOUNT)
    submit(order, merchandiser)
    approve_chain(order, department_manager, administration)
    with pytest.raises(ActionRefused):
        clearance_record(order_id=order.pk, user=finance, kind=Clearance.CREDIT_APPROVED)
    clearance_record(order_id=order.pk, user=department_manager, kind=Clearance.CREDIT_APPROVED)
    satisfy_gates(fresh(order), "start_production")
    order_transition(order_id=order.pk, user=merchandiser, name="start_production")
    assert fresh(order).stage == Stage.IN_PRODUCTION


def test_r11_gm_exception_needs_a_reason_and_opens_the_gate(
    approved, merchandiser, general_manager, department_manager
):
    with pytest.raises(ActionRefused):
        clearance_record(order_id=approved.pk, user=general_manager, kind=Clearance.GM_EXCEPTION)
    with pytest.raises(ActionRefused):
        clearance_record(
            order_id=approved.pk,
            user=department_manager,
            kind=Clearance.GM_EXCEPTION,
            reason="Old customer",
        )
    clearance_record(
        order_id=approved.pk,
        user=general_manager,
        kind=Clearance.GM_EXCEPTION,
        reason="L/C amendment in transit, customer of 20 years",
    )
    satisfy_gates(fresh(approved), "start_production")
    order_transition(order_id=approved.pk, user=merchandiser, name="start_production")
    assert fresh(approved).stage == Stage.IN_PRODUCTION


@pytest.fixture
def producing(approved, merchandiser, general_manager):
    clearance_record(
        order_id=approved.pk, user=general_manager, kind=Clearance.GM_EXCEPTION, reason="test"
    )
    satisfy_gates(fresh(approved), "start_production")
    return order_transition(order_id=approved.pk, user=merchandiser, name="start_production")


def test_lifecycle_inspect_ship_settle_with_roles(producing, merchandiser, qc, finance):
    order_transition(order_id=producing.pk, user=qc, name="start_inspection")
    satisfy_gates(fresh(producing), "ship")
    with pytest.raises(ActionRefused):  # QC does not release shipments
        order_transition(order_id=producing.pk, user=qc, name="ship")
    order_transition(order_id=producing.pk, user=merchandiser, name="ship")
    satisfy_gates(fresh(producing), "settle")
    with pytest.raises(ActionRefused):  # settlement is finance's
        order_transition(order_id=producing.pk, user=merchandiser, name="settle")
    order = order_transition(order_id=producing.pk, user=finance, name="settle")
    assert order.stage == Stage.SETTLED
    assert list(
        order.events.filter(kind="transition")
        .order_by("at", "id")
        .values_list("to_stage", flat=True)
    ) == [
        Stage.IN_REVIEW,
        Stage.APPROVED,
        Stage.IN_PRODUCTION,
        Stage.INSPECTION,
        Stage.SHIPPING,
        Stage.SETTLED,
    ]


def test_cancel_needs_reason_and_a_manager(order, merchandiser, department_manager):
    with pytest.raises(ActionRefused):
        order_transition(order_id=order.pk, user=merchandiser, name="cancel", comment="x")
    with pytest.raises(ActionRefused):
        order_transition(order_id=order.pk, user=department_manager, name="cancel")
    order_transition(
        order_id=order.pk,
        user=department_manager,
        name="cancel",
        comment="Customer withdrew the P/O",
    )
    order = fresh(order)
    assert (order.stage, order.cancel_reason) == (Stage.CANCELLED, "Customer withdrew the P/O")


def test_cancel_refused_once_shipping(producing, merchandiser, department_manager):
    order_transition(order_id=producing.pk, user=merchandiser, name="start_inspection")
    satisfy_gates(fresh(producing), "ship")
    order_transition(order_id=producing.pk, user=merchandiser, name="ship")
    with pytest.raises(ActionRefused):
        order_transition(
            order_id=producing.pk, user=department_manager, name="cancel", comment="too late"
        )
    assert fresh(producing).stage == Stage.SHIPPING


def test_hold_and_resume_return_to_the_same_stage(producing, merchandiser):
    order_transition(
        order_id=producing.pk, user=merchandiser, name="hold", comment="Factory fire inspection"
    )
    assert fresh(producing).stage == Stage.ON_HOLD
    order_transition(order_id=producing.pk, user=merchandiser, name="resume")
    assert fresh(producing).stage == Stage.IN_PRODUCTION


def test_stage_cannot_be_assigned_directly(order):
    with pytest.raises(AttributeError):
        order.stage = Stage.SETTLED


def test_second_user_with_stale_version_is_refused_and_nothing_changes(
    order, merchandiser, department_manager
):
    version = order.version
    order_transition(
        order_id=order.pk,
        user=department_manager,
        name="hold",
        comment="Waiting for customer",
        version=version,
    )
    with pytest.raises(StaleOrderError):
        order_transition(
            order_id=order.pk,
            user=department_manager,
            name="cancel",
            comment="Withdrawn",
            version=version,
        )
    order = fresh(order)
    assert order.stage == Stage.ON_HOLD
    assert order.cancel_reason == ""
