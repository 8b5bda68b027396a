"""The change request's state machine (R8): each step by the right role, refused for the wrong
one, the general manager when the amount or the payment terms call for them."""

from datetime import date
from decimal import Decimal

import pytest

from orders.changes.apply import change_request_apply
from orders.changes.choices import ChangeStatus, FactoryAnswer, Requester
from orders.changes.lifecycle import (
    change_approval_record,
    change_customer_confirm,
    change_factory_answer,
    change_request_refuse,
    change_request_reopen,
    change_request_send,
    change_request_withdraw,
)
from orders.choices import ApprovalStep, Decision
from orders.models import ApprovalThreshold, ChangeRequest, SentDocument
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.changes.conftest import approve, raise_change, sign, walk_to_confirmed
from tests.factories import make_order, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def change(order, merchandiser):
    return raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})


def reload(change):
    return ChangeRequest.objects.get(pk=change.pk)


def test_r8_draft_to_applied_by_the_right_people(change, merchandiser, department_manager, clerk):
    change_request_send(change_id=change.pk, user=merchandiser)
    notice = SentDocument.objects.get(form_code="F-CHG-001")
    assert notice.printed == change and notice.recipient_email == change.order.factory.email
    assert reload(change).status == ChangeStatus.SENT_TO_FACTORY

    change_factory_answer(change_id=change.pk, agreed=True, name="王廠長", comment="可以")
    assert reload(change).factory_answer == FactoryAnswer.AGREED

    change_customer_confirm(
        change_id=change.pk,
        user=merchandiser,
        confirmed_by="Ms Lee",
        confirmed_on=date(2027, 3, 2),
    )
    confirmed = reload(change)
    assert confirmed.status == ChangeStatus.CUSTOMER_CONFIRMED
    # R8: where the customer asked first, its own document is the confirmation.
    assert confirmed.customer_confirmation_reference == "NW-CHG-7"
    assert confirmed.required_steps() == [
        ApprovalStep.DEPARTMENT_MANAGER,
        ApprovalStep.ADMINISTRATION,
    ]

    sign(change, department_manager)
    assert reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED
    sign(change, clerk)
    assert reload(change).status == ChangeStatus.APPROVED

    applied = change_request_apply(change_id=change.pk, user=merchandiser)
    assert applied.status == ChangeStatus.APPLIED and applied.applied_revision == 2
    actions = list(
        change.order.events.filter(action__startswith="change_").values_list("action", flat=True)
    )
    assert set(actions) >= {
        "change_raised",
        "change_sent",
        "change_factory_agreed",
        "change_customer_confirmed",
        "change_signed",
        "change_approved",
        "change_applied",
    }


def test_r8_customer_cannot_confirm_before_the_factory_agrees(change, merchandiser):
    change_request_send(change_id=change.pk, user=merchandiser)
    with pytest.raises(ActionRefused) as refused:
        change_customer_confirm(
            change_id=change.pk, user=merchandiser, confirmed_by="Ms Lee", confirmed_on=date.today()
        )
    assert "factory has not agreed" in " ".join(refused.value.details)


def test_factory_refusal_needs_a_reason_and_keeps_the_request_open(change, merchandiser):
    change_request_send(change_id=change.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="why"):
        change_factory_answer(change_id=change.pk, agreed=False, name="王廠長")
    change_factory_answer(change_id=change.pk, agreed=False, name="王廠長", comment="布不夠")
    refused = reload(change)
    assert refused.status == ChangeStatus.SENT_TO_FACTORY
    assert refused.factory_answer == FactoryAnswer.REFUSED
    # The merchandiser revises it: back to draft, the answer to be given again.
    change_request_reopen(change_id=change.pk, user=merchandiser, reason="Ask for 140 instead")
    assert reload(change).status == ChangeStatus.DRAFT
    assert reload(change).factory_answer == FactoryAnswer.PENDING


def test_a_draft_is_not_answered_by_the_factory(change):
    with pytest.raises(ActionRefused, match="no longer waits"):
        change_factory_answer(change_id=change.pk, agreed=True, name="王廠長")


@pytest.mark.parametrize("role", [Role.QC, Role.WAREHOUSE, Role.FINANCE])
def test_sending_refused_for_who_may_not_edit_the_order(change, role):
    with pytest.raises(ActionRefused, match="may not"):
        change_request_send(change_id=change.pk, user=make_user(role))
    assert reload(change).status == ChangeStatus.DRAFT


def test_signatures_come_in_the_chains_order(change, merchandiser, clerk, department_manager):
    walk_to_confirmed(change, merchandiser)
    for wrong in (merchandiser, clerk, make_user(Role.FINANCE)):
        with pytest.raises(ActionRefused, match="Department manager approves"):
            change_approval_record(change_id=change.pk, user=wrong, decision=Decision.APPROVED)
    sign(change, department_manager)
    with pytest.raises(ActionRefused, match="Administration reviews"):
        change_approval_record(
            change_id=change.pk, user=department_manager, decision=Decision.APPROVED
        )


def test_no_signature_before_the_customer_confirms(change, merchandiser, department_manager):
    change_request_send(change_id=change.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="not waiting for approval"):
        change_approval_record(
            change_id=change.pk, user=department_manager, decision=Decision.APPROVED
        )


def test_an_approvers_rejection_refuses_the_change_with_its_reason(
    change, merchandiser, department_manager
):
    walk_to_confirmed(change, merchandiser)
    with pytest.raises(ActionRefused, match="reason"):
        change_approval_record(
            change_id=change.pk, user=department_manager, decision=Decision.REJECTED
        )
    change_approval_record(
        change_id=change.pk,
        user=department_manager,
        decision=Decision.REJECTED,
        comment="Price not agreed",
    )
    refused = reload(change)
    assert refused.status == ChangeStatus.REFUSED and refused.closed_reason == "Price not agreed"


def test_apply_refused_before_approval(change, merchandiser):
    walk_to_confirmed(change, merchandiser)
    with pytest.raises(ActionRefused, match="not possible"):
        change_request_apply(change_id=change.pk, user=merchandiser)


def test_apply_refused_for_qc(change, merchandiser, department_manager, clerk):
    walk_to_confirmed(change, merchandiser)
    sign(change, department_manager, clerk)
    with pytest.raises(ActionRefused, match="may not"):
        change_request_apply(change_id=change.pk, user=make_user(Role.QC))


def test_withdrawn_at_any_step_with_a_reason(change, merchandiser):
    change_request_send(change_id=change.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="reason"):
        change_request_withdraw(change_id=change.pk, user=merchandiser, reason=" ")
    change_request_withdraw(change_id=change.pk, user=merchandiser, reason="Customer cancelled")
    withdrawn = reload(change)
    assert withdrawn.status == ChangeStatus.WITHDRAWN and withdrawn.closed_by == merchandiser
    with pytest.raises(ActionRefused):
        change_request_send(change_id=change.pk, user=merchandiser)


def test_refused_by_a_manager_from_a_draft(change, department_manager):
    change_request_refuse(change_id=change.pk, user=department_manager, reason="Not now")
    assert reload(change).status == ChangeStatus.REFUSED


def test_qc_may_not_refuse_a_change(change):
    with pytest.raises(ActionRefused, match="may not"):
        change_request_refuse(change_id=change.pk, user=make_user(Role.QC), reason="No")


# ---- R8 + R10: the general manager ------------------------------------------------------------


def test_r8_general_manager_approves_a_change_over_the_threshold(
    order, merchandiser, department_manager, clerk, general_manager
):
    ApprovalThreshold.objects.update_or_create(currency="USD", defaults={"amount": Decimal("3000")})
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 200, "M": 200}}})
    assert change.diff().after.amount.amount == Decimal("3300.00")
    walk_to_confirmed(change, merchandiser)
    sign(change, department_manager, clerk)
    assert reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED
    assert reload(change).next_step() == ApprovalStep.GENERAL_MANAGER
    with pytest.raises(ActionRefused, match="General manager approves"):
        change_approval_record(change_id=change.pk, user=clerk, decision=Decision.APPROVED)
    sign(change, general_manager)
    assert reload(change).status == ChangeStatus.APPROVED


def test_r8_a_change_under_the_threshold_needs_no_general_manager(
    order, merchandiser, department_manager, clerk
):
    ApprovalThreshold.objects.update_or_create(currency="USD", defaults={"amount": Decimal("3000")})
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 50, "M": 200}}})
    walk_to_confirmed(change, merchandiser)
    assert sign(change, department_manager, clerk).status == ChangeStatus.APPROVED


def test_r8_general_manager_approves_a_change_of_payment_terms(
    order, merchandiser, department_manager, clerk, general_manager
):
    change = raise_change(order, merchandiser, fields={"payment_terms": "lc"})
    walk_to_confirmed(change, merchandiser)
    assert ApprovalStep.GENERAL_MANAGER in reload(change).required_steps()
    sign(change, department_manager, clerk)
    assert reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED
    sign(change, general_manager)
    assert reload(change).status == ChangeStatus.APPROVED


def test_r8_change_approved_at_the_level_that_approved_the_original(
    merchandiser, department_manager, clerk, general_manager
):
    # Commission terms: the general manager signed the original contract (R10).
    order = make_order(merchandiser=merchandiser, payment_terms="oa", commission=True)
    order = approve(order, merchandiser, department_manager, clerk, general_manager)
    change = raise_change(
        order, merchandiser, requested_by=Requester.US, fields={"composition": "100% linen"}
    )
    walk_to_confirmed(change, merchandiser)
    assert reload(change).required_steps()[-1] == ApprovalStep.GENERAL_MANAGER
