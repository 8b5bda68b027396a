"""R8: every step of a change request by someone who may not take it is refused, and leaves the
request as it was: the office's steps (send, customer's confirmation, edit, refresh, back to
draft, withdraw, apply) belong to who may edit the order; signatures to the chain's roles."""

from datetime import date

import pytest

from orders.changes.apply import change_request_apply
from orders.changes.choices import ChangeStatus
from orders.changes.lifecycle import (
    change_approval_record,
    change_customer_confirm,
    change_factory_answer,
    change_request_reopen,
    change_request_send,
    change_request_withdraw,
)
from orders.changes.services import change_request_refresh, change_request_update
from orders.choices import Decision
from orders.models import ChangeRequest
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.changes.conftest import propose, raise_change, sign, walk_to_confirmed
from tests.factories import make_user

pytestmark = pytest.mark.django_db

OUTSIDERS = [Role.QC, Role.WAREHOUSE, Role.FINANCE]


@pytest.fixture
def change(order, merchandiser):
    return raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})


def state(change) -> tuple:
    fresh = ChangeRequest.objects.get(pk=change.pk)
    return fresh.status, fresh.proposed, fresh.approvals.count(), fresh.customer_confirmed_by


def sent_and_agreed(change, merchandiser):
    change_request_send(change_id=change.pk, user=merchandiser)
    change_factory_answer(change_id=change.pk, agreed=True, name="王廠長")


@pytest.mark.parametrize("role", OUTSIDERS)
def test_r8_customer_confirmation_refused_for_the_wrong_role(change, merchandiser, role):
    sent_and_agreed(change, merchandiser)
    before = state(change)
    with pytest.raises(ActionRefused, match="may not"):
        change_customer_confirm(
            change_id=change.pk,
            user=make_user(role),
            confirmed_by="Ms Lee",
            confirmed_on=date.today(),
        )
    assert state(change) == before


@pytest.mark.parametrize("role", OUTSIDERS)
def test_r8_editing_and_refreshing_a_draft_refused_for_the_wrong_role(change, order, role):
    outsider = make_user(role)
    before = state(change)
    with pytest.raises(ActionRefused, match="may not"):
        change_request_update(
            change_id=change.pk,
            user=outsider,
            proposed=propose(order, lines={"Navy": {"sizes": {"S": 10, "M": 200}}}),
            requested_by="customer",
            customer_reference="NW-CHG-7",
        )
    with pytest.raises(ActionRefused, match="may not"):
        change_request_refresh(change_id=change.pk, user=outsider)
    assert state(change) == before


@pytest.mark.parametrize("role", OUTSIDERS)
def test_r8_withdrawing_and_reopening_refused_for_the_wrong_role(change, merchandiser, role):
    outsider = make_user(role)
    sent_and_agreed(change, merchandiser)
    before = state(change)
    with pytest.raises(ActionRefused, match="may not"):
        change_request_withdraw(change_id=change.pk, user=outsider, reason="no")
    with pytest.raises(ActionRefused, match="may not"):
        change_request_reopen(change_id=change.pk, user=outsider, reason="no")
    assert state(change) == before


@pytest.mark.parametrize("role", [*OUTSIDERS, Role.MERCHANDISER])
def test_r10_signing_refused_for_a_role_outside_the_chain(change, merchandiser, role):
    walk_to_confirmed(change, merchandiser)
    before = state(change)
    with pytest.raises(ActionRefused, match="cannot give that signature"):
        change_approval_record(
            change_id=change.pk, user=make_user(role), decision=Decision.APPROVED
        )
    assert state(change) == before


@pytest.mark.parametrize("role", OUTSIDERS)
def test_r8_applying_refused_for_the_wrong_role(
    change, merchandiser, department_manager, clerk, role
):
    walk_to_confirmed(change, merchandiser)
    sign(change, department_manager, clerk)
    with pytest.raises(ActionRefused, match="may not"):
        change_request_apply(change_id=change.pk, user=make_user(role))
    assert state(change)[0] == ChangeStatus.APPROVED
    assert change.order.lines.get(colour="Navy").quantity == 300
