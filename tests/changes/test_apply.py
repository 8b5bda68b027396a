"""Applying a change (R8) and the contract amendment in production (R14): one transaction, a new
revision, the plan re-projected, the payment gate re-opened, the documents re-issued."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ObjectDoesNotExist

from orders.changes.apply import change_request_apply
from orders.changes.choices import ChangeStatus, Requester
from orders.changes.lifecycle import change_factory_answer, change_request_send
from orders.changes.registry import register_change_contributor, unregister_change_contributor
from orders.changes.services import change_request_refresh
from orders.choices import Clearance, PaymentTerms, Stage
from orders.documents.services import document_send
from orders.models import ChangeRequest, PaymentClearance, ProcessStep, SentDocument
from orders.rules import payment_gate_met
from orders.services.common import ActionRefused
from orders.services.planning import plan_build
from orders.services.progress import progress_report
from orders.services.review import clearance_record
from tests.changes.conftest import (
    approve,
    at_stage,
    later,
    line,
    raise_change,
    sign,
    walk_to_applied,
    walk_to_confirmed,
)
from tests.factories import fresh, make_order

pytestmark = pytest.mark.django_db


def apply_as(change, merchandiser, signers):
    return walk_to_applied(change, merchandiser, *signers)


@pytest.fixture
def signers(department_manager, clerk):
    return (department_manager, clerk)


def test_r8_applied_change_is_revision_2_with_its_diff_stored(order, merchandiser, signers):
    navy, white = line(order, "Navy"), line(order, "White")
    change = raise_change(
        order,
        merchandiser,
        fields={"composition": "100% cotton"},
        lines={"Navy": {"sizes": {"S": 150, "M": 200}}, "White": {"sizes": {"S": 0, "M": 0}}},
        new_lines=[{"colour": "Red", "sizes": {"M": 60}, "unit_price": "6.00"}],
    )
    applied = apply_as(change, merchandiser, signers)
    order = fresh(order)
    assert (order.revision, order.style_revision) == (2, 2)
    assert order.composition == "100% cotton"
    assert line(order, "Navy").pk == navy.pk and line(order, "Navy").quantity == 350
    # A cancelled line keeps its row, with nothing left to make.
    assert line(order, "White").pk == white.pk and line(order, "White").is_cancelled
    assert line(order, "Red").quantity == 60
    record = applied.applied_record
    assert record["totals"]["quantity"] == [500, 410]
    assert ["Composition", "—", "100% cotton", "style"] in [
        [row[0].capitalize(), *row[1:]] for row in record["languages"]["en"]["fields"]
    ]
    assert record["languages"]["zh-hant"]["fields"][0][1:3] == ["—", "100% cotton"]
    event = order.events.get(action="change_applied")
    assert "Rev 2" in event.text and "NW-CHG-7" in event.text


def test_r8_applying_is_one_transaction(order, merchandiser, signers):
    document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    walk_to_confirmed(change, merchandiser)
    sign(change, *signers)

    def fail(context):
        raise ActionRefused("the warehouse's ledger is closed")

    register_change_contributor(code="failing", apply=fail, order=999)
    try:
        with pytest.raises(ActionRefused, match="ledger"):
            change_request_apply(change_id=change.pk, user=merchandiser)
    finally:
        unregister_change_contributor("failing")
    order = fresh(order)
    assert order.revision == 1 and line(order, "Navy").quantity == 300
    assert SentDocument.objects.filter(form_code="F-ORD-001").count() == 1
    assert ChangeRequest.objects.get(pk=change.pk).status == ChangeStatus.APPROVED
    assert not order.events.filter(action="change_applied").exists()


def test_r8_documents_sent_to_the_factory_are_reissued_as_the_new_revision(
    order, merchandiser, signers
):
    first = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    apply_as(change, merchandiser, signers)
    reissued = SentDocument.objects.filter(form_code="F-ORD-001").order_by("version")
    assert [(d.version, d.order_revision) for d in reissued] == [(1, 1), (2, 2)]
    assert reissued[1].recipient_email == first.recipient_email


def test_a_price_change_does_not_reissue_the_production_order(order, merchandiser, signers):
    document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    change = raise_change(order, merchandiser, lines={"Navy": {"unit_price": "5.75"}})
    apply_as(change, merchandiser, signers)
    assert SentDocument.objects.filter(form_code="F-ORD-001").count() == 1
    assert fresh(order).revision == 2


def test_r8_plan_reprojected_from_the_new_ex_factory_date(order, merchandiser, signers):
    plan_build(order=order, user=merchandiser)
    ex_factory = order.milestones.get(code="ex_factory")
    new_date = order.ex_factory_date + timedelta(days=14)
    change = raise_change(
        order,
        merchandiser,
        fields={
            "ex_factory_date": new_date.isoformat(),
            "customer_date": (order.customer_date + timedelta(days=14)).isoformat(),
        },
    )
    apply_as(change, merchandiser, signers)
    moved = fresh(order).milestones.get(code="ex_factory")
    assert moved.planned_date == new_date != ex_factory.planned_date
    assert fresh(order).plan.projected_on == date.today()


def test_r8_r11_bigger_order_reopens_the_payment_gate(
    merchandiser, department_manager, clerk, general_manager, finance
):
    order = make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
    )
    order = approve(order, merchandiser, department_manager, clerk, general_manager)
    clearance_record(order_id=order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    assert PaymentClearance.objects.get().amount == Decimal("495.00")  # 30 % of 1,650
    assert payment_gate_met(fresh(order))
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 200, "M": 200}}})
    apply_as(change, merchandiser, (department_manager, clerk, general_manager))
    order = fresh(order)
    assert not payment_gate_met(order)
    void = PaymentClearance.with_void.get()
    assert void.void_at is not None and "CR-1" in void.void_reason
    assert order.events.filter(action="payment_clearance_void").exists()
    # Finance confirms the deposit for the new amount; the gate opens again.
    again = clearance_record(order_id=order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    assert again.amount == Decimal("660.00")
    assert payment_gate_met(fresh(order))


def test_r8_smaller_order_keeps_the_payment_gate(
    merchandiser, department_manager, clerk, general_manager, finance
):
    order = make_order(
        merchandiser=merchandiser,
        payment_terms=PaymentTerms.TELEGRAPHIC_TRANSFER,
        deposit_percent=Decimal("30"),
    )
    order = approve(order, merchandiser, department_manager, clerk, general_manager)
    clearance_record(order_id=order.pk, user=finance, kind=Clearance.DEPOSIT_CONFIRMED)
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 50, "M": 200}}})
    apply_as(change, merchandiser, (department_manager, clerk, general_manager))
    assert payment_gate_met(fresh(order))


def test_cancelling_every_line_cancels_the_order_when_a_manager_applies_it(
    order, merchandiser, department_manager, signers
):
    change = raise_change(
        order,
        merchandiser,
        lines={"Navy": {"sizes": {"S": 0, "M": 0}}, "White": {"sizes": {"S": 0, "M": 0}}},
    )
    walk_to_confirmed(change, merchandiser)
    sign(change, *signers)
    with pytest.raises(ActionRefused, match="only a manager"):
        change_request_apply(change_id=change.pk, user=merchandiser)
    change_request_apply(change_id=change.pk, user=department_manager)
    order = fresh(order)
    assert order.stage == Stage.CANCELLED and "CR-1" in order.cancel_reason
    assert order.lines.count() == 2 and all(li.is_cancelled for li in order.lines.all())


# ---- stale versions ------------------------------------------------------------------------------


def test_stale_version_refused_and_refreshed(order, merchandiser, signers):
    first = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    second = raise_change(order, merchandiser, fields={"composition": "100% cotton"})
    apply_as(first, merchandiser, signers)
    with pytest.raises(ActionRefused, match="Refresh the request"):
        change_request_send(change_id=second.pk, user=merchandiser)
    refreshed = change_request_refresh(change_id=second.pk, user=merchandiser)
    assert refreshed.status == ChangeStatus.DRAFT and refreshed.base_revision == 2
    # What the second request changed is carried over; the first change is not undone.
    assert [c.key for c in refreshed.diff().fields] == ["composition"]
    assert not refreshed.diff().lines
    applied = apply_as(refreshed, merchandiser, signers)
    order = fresh(order)
    assert applied.applied_revision == 3 and line(order, "Navy").quantity == 350


def test_a_request_made_stale_after_approval_cannot_be_applied(order, merchandiser, signers):
    first = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    second = raise_change(order, merchandiser, lines={"White": {"sizes": {"S": 40, "M": 120}}})
    walk_to_confirmed(second, merchandiser)
    sign(second, *signers)
    apply_as(first, merchandiser, signers)
    with pytest.raises(ActionRefused, match="Refresh the request"):
        change_request_apply(change_id=second.pk, user=merchandiser)
    refreshed = change_request_refresh(change_id=second.pk, user=merchandiser)
    assert refreshed.status == ChangeStatus.DRAFT and refreshed.approval_round == 2
    assert [(li.colour, li.quantity_after) for li in refreshed.diff().lines] == [("White", 160)]


# ---- R14: in production -----------------------------------------------------------------------


@pytest.fixture
def in_production(order):
    return at_stage(order, Stage.IN_PRODUCTION)


def test_r14_change_in_production_needs_amendment(in_production, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        raise_change(in_production, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    assert "R14" in refused.value.message and "contract amendment" in str(refused.value)
    with pytest.raises(ActionRefused, match="R14"):
        raise_change(in_production, merchandiser, fields={"ex_factory_date": later(61).isoformat()})


def test_r14_price_change_in_production_needs_no_amendment(in_production, merchandiser):
    change = raise_change(in_production, merchandiser, lines={"Navy": {"unit_price": "5.60"}})
    assert not change.is_amendment


def test_r14_amendment_is_only_for_an_order_in_production(order, merchandiser):
    with pytest.raises(ActionRefused, match="before production"):
        raise_change(
            order, merchandiser, is_amendment=True, lines={"Navy": {"sizes": {"S": 1, "M": 2}}}
        )


def test_r14_amendment_waits_for_the_production_sides_figures(in_production, merchandiser, signers):
    change = raise_change(
        in_production,
        merchandiser,
        is_amendment=True,
        lines={"Navy": {"sizes": {"S": 80, "M": 150}}},
    )
    change_request_send(change_id=change.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="cut and made"):
        change_factory_answer(change_id=change.pk, agreed=True, name="PMC 陳")
    navy = line(in_production, "Navy")
    change_factory_answer(
        change_id=change.pk,
        agreed=True,
        name="PMC 陳",
        production={navy.pk: {"cut": 200, "made": 120}},
    )
    assert ChangeRequest.objects.get(pk=change.pk).production_figures == {
        str(navy.pk): {"cut": 200, "made": 120}
    }


def test_r14_amendment_below_the_cut_quantity_refused(in_production, merchandiser):
    change = raise_change(
        in_production,
        merchandiser,
        is_amendment=True,
        lines={"Navy": {"sizes": {"S": 50, "M": 100}}},
    )
    change_request_send(change_id=change.pk, user=merchandiser)
    navy = line(in_production, "Navy")
    change_factory_answer(
        change_id=change.pk,
        agreed=True,
        name="PMC 陳",
        production={navy.pk: {"cut": 200, "made": 20}},
    )
    from orders.changes.lifecycle import change_customer_confirm

    with pytest.raises(ActionRefused) as refused:
        change_customer_confirm(
            change_id=change.pk, user=merchandiser, confirmed_by="Ms Lee", confirmed_on=date.today()
        )
    assert "R14" in refused.value.message
    assert "Navy cannot go below 200 pieces (150 proposed)" in refused.value.details[0]


def test_r14_amendment_below_the_produced_quantity_refused(in_production, merchandiser):
    progress_report(
        order_id=in_production.pk,
        user=merchandiser,
        step_id=ProcessStep.objects.get(code="cutting").pk,
        quantity_done=420,
    )
    with pytest.raises(ActionRefused) as refused:
        raise_change(
            in_production,
            merchandiser,
            is_amendment=True,
            lines={"White": {"sizes": {"S": 0, "M": 0}}},
        )
    assert "the order cannot go below 420 pieces (300 proposed)" in refused.value.details[0]


def test_r14_amendment_applied_with_what_was_cut(in_production, merchandiser, signers):
    navy = line(in_production, "Navy")
    change = raise_change(
        in_production,
        merchandiser,
        is_amendment=True,
        requested_by=Requester.CUSTOMER,
        lines={"Navy": {"sizes": {"S": 100, "M": 150}}},
    )
    walk_to_confirmed(change, merchandiser, production={navy.pk: {"cut": 240, "made": 60}})
    sign(change, *signers)
    change_request_apply(change_id=change.pk, user=merchandiser)
    assert line(fresh(in_production), "Navy").quantity == 250
    assert fresh(in_production).stage == Stage.IN_PRODUCTION


def test_missing_change_request_is_not_found(merchandiser):
    with pytest.raises(ObjectDoesNotExist):
        change_request_send(change_id=999999, user=merchandiser)
