"""R18 as R10: whoever must approve a submitted quotation is told through the outbox (the GM
and the deputy for a special price), and the submitter hears the decision, in each reader's
own language."""

from decimal import Decimal

import pytest

from orders.models import OutboxMessage
from orders.quotations.models import QuotationPolicy
from orders.quotations.notifications import KIND, build_quotation_mail
from orders.quotations.services import quotation_approve, quotation_reject, quotation_submit
from orders.roles import Role
from tests.factories import make_team, make_user
from tests.quotations.builders import make_quotation

pytestmark = pytest.mark.django_db


def mails(message: str) -> dict:
    rows = OutboxMessage.objects.filter(kind=KIND, payload__message=message)
    return {row.recipient: build_quotation_mail(row) for row in rows}


def test_r18_submitting_tells_the_approvers_and_the_decision_tells_the_submitter(
    merchandiser, customer, department_manager
):
    quotation = make_quotation(user=merchandiser, customer=customer)
    hant = make_user(Role.DEPARTMENT_MANAGER, team=merchandiser.profile.team, language="zh-hant")
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    asked = mails("approval_needed")
    assert set(asked) == {department_manager.email, hant.email}
    assert quotation.label in asked[department_manager.email].subject
    assert "waiting for your approval" in asked[department_manager.email].subject
    assert "等待你批核" in asked[hant.email].subject
    assert quotation.get_absolute_url() in asked[hant.email].body
    assert mails("approved") == {}

    quotation_reject(quotation_id=quotation.pk, user=department_manager, reason="Freight too low")
    rejected = mails("rejected")
    assert list(rejected) == [merchandiser.email]
    assert "Freight too low" in rejected[merchandiser.email].body

    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    quotation_approve(quotation_id=quotation.pk, user=department_manager)
    assert list(mails("approved")) == [merchandiser.email]


def test_r18_a_special_price_asks_only_the_gm_and_the_deputy(
    merchandiser, customer, department_manager
):
    QuotationPolicy.objects.filter(pk=1).update(special_price_margin_percent=Decimal("16"))
    quotation = make_quotation(user=merchandiser, customer=customer)
    gm, deputy = make_user(Role.GENERAL_MANAGER), make_user(Role.DEPUTY_GENERAL_MANAGER)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    assert set(mails("approval_needed")) == {gm.email, deputy.email}


def test_r18_approval_mail_goes_to_the_teams_department_manager_only(
    merchandiser, customer, department_manager, general_manager, deputy_general_manager
):
    other_team = make_user(Role.DEPARTMENT_MANAGER, team=make_team())
    head = make_user(Role.DEPARTMENT_MANAGER)
    merchandiser.profile.team.head = head
    merchandiser.profile.team.save()
    quotation = make_quotation(user=merchandiser, customer=customer)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    asked = set(mails("approval_needed"))
    assert asked == {department_manager.email, head.email}
    assert other_team.email not in asked and general_manager.email not in asked


def test_r18_approval_mail_without_a_team_manager_goes_to_every_department_manager(
    customer, department_manager
):
    lone = make_user(Role.MERCHANDISER, team=make_team())
    elsewhere = make_user(Role.DEPARTMENT_MANAGER, team=make_team())
    quotation = make_quotation(user=lone, customer=customer)
    quotation_submit(quotation_id=quotation.pk, user=lone)
    assert set(mails("approval_needed")) == {department_manager.email, elsewhere.email}
