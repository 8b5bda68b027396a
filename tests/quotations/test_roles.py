"""R18: every step of a quotation is refused for the wrong role, and the refusal changes nothing.
Finance sees every quotation but does not quote; a merchandiser of another team does not see it;
a merchandiser does not decide; the system alone (or the team) expires it."""

from datetime import date, timedelta

import pytest

from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation
from orders.quotations.services import (
    costing_save,
    quotation_approve,
    quotation_create,
    quotation_create_order,
    quotation_expire,
    quotation_lose,
    quotation_reject,
    quotation_requote,
    quotation_send,
    quotation_submit,
    quotation_update,
    quotation_win,
)
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.factories import make_factory, make_team, make_user
from tests.quotations.builders import SHIRT_BREAKS, SHIRT_COSTING, make_quotation

pytestmark = pytest.mark.django_db


def _at(status, merchandiser, customer, manager):
    if status == QuotationStatus.LOST:
        sent = _at(QuotationStatus.SENT, merchandiser, customer, manager)
        return quotation_lose(quotation_id=sent.pk, user=merchandiser, reason="price")
    quotation = make_quotation(user=merchandiser, customer=customer)
    steps = [
        (QuotationStatus.IN_APPROVAL, quotation_submit, merchandiser),
        (QuotationStatus.APPROVED, quotation_approve, manager),
        (QuotationStatus.SENT, quotation_send, merchandiser),
        (QuotationStatus.WON, quotation_win, merchandiser),
    ]
    for reached, step, user in steps:
        if quotation.status == status:
            break
        quotation = step(quotation_id=quotation.pk, user=user)
        assert quotation.status == reached
    return quotation


def _order_kwargs():
    today = date.today()
    return {
        "po_number": "NA-9001",
        "factory_id": make_factory().pk,
        "order_date": today,
        "customer_date": today + timedelta(days=90),
        "ex_factory_date": today + timedelta(days=80),
        "colour": "Navy",
        "quantity": 1200,
    }


# (step, the status it starts from, the wrong role, the call)
STEPS = [
    (
        "edit",
        "draft",
        "finance",
        lambda q, u: quotation_update(quotation_id=q.pk, user=u, notes="x"),
    ),
    (
        "edit",
        "draft",
        "stranger",
        lambda q, u: quotation_update(quotation_id=q.pk, user=u, notes="x"),
    ),
    (
        "costing",
        "draft",
        "stranger",
        lambda q, u: costing_save(
            quotation_id=q.pk, user=u, lines=SHIRT_COSTING, breaks=SHIRT_BREAKS[:1]
        ),
    ),
    ("submit", "draft", "finance", lambda q, u: quotation_submit(quotation_id=q.pk, user=u)),
    (
        "approve",
        "in_approval",
        "merchandiser2",
        lambda q, u: quotation_approve(quotation_id=q.pk, user=u),
    ),
    (
        "approve",
        "in_approval",
        "finance",
        lambda q, u: quotation_approve(quotation_id=q.pk, user=u),
    ),
    (
        "reject",
        "in_approval",
        "merchandiser2",
        lambda q, u: quotation_reject(quotation_id=q.pk, user=u, reason="too cheap"),
    ),
    ("send", "approved", "finance", lambda q, u: quotation_send(quotation_id=q.pk, user=u)),
    ("send", "approved", "stranger", lambda q, u: quotation_send(quotation_id=q.pk, user=u)),
    ("win", "sent", "finance", lambda q, u: quotation_win(quotation_id=q.pk, user=u)),
    ("win", "sent", "qc", lambda q, u: quotation_win(quotation_id=q.pk, user=u)),
    (
        "lose",
        "sent",
        "stranger",
        lambda q, u: quotation_lose(quotation_id=q.pk, user=u, reason="price"),
    ),
    (
        "requote",
        "sent",
        "finance",
        lambda q, u: quotation_requote(quotation_id=q.pk, user=u, reason="new price"),
    ),
    (
        "requote",
        "lost",
        "stranger",
        lambda q, u: quotation_requote(quotation_id=q.pk, user=u, reason="new price"),
    ),
    (
        "create_order",
        "won",
        "finance",
        lambda q, u: quotation_create_order(quotation_id=q.pk, user=u, **_order_kwargs()),
    ),
    (
        "create_order",
        "won",
        "stranger",
        lambda q, u: quotation_create_order(quotation_id=q.pk, user=u, **_order_kwargs()),
    ),
]


def _wrong_user(who, merchandiser, finance, qc):
    if who == "finance":
        return finance
    if who == "qc":
        return qc
    if who == "merchandiser2":
        return make_user(Role.MERCHANDISER, team=merchandiser.profile.team)
    return make_user(Role.MERCHANDISER, team=make_team("Wovens"))


@pytest.mark.parametrize(
    ("step", "status", "who", "call"), STEPS, ids=[f"{s[0]}-by-{s[2]}" for s in STEPS]
)
def test_r18_every_step_refused_for_the_wrong_role(
    step, status, who, call, merchandiser, customer, department_manager, finance, qc
):
    quotation = _at(status, merchandiser, customer, department_manager)
    before = (quotation.status, quotation.events.count(), Quotation.objects.count())
    with pytest.raises(ActionRefused, match="may not|Someone else"):
        call(quotation, _wrong_user(who, merchandiser, finance, qc))
    after = Quotation.objects.get(pk=quotation.pk)
    assert (after.status, after.events.count(), Quotation.objects.count()) == before
    assert after.order_id is None


@pytest.mark.parametrize("role", [Role.FINANCE, Role.QC, Role.ADMINISTRATION, Role.PMC])
def test_r18_only_the_commercial_staff_create_quotations(role, customer):
    with pytest.raises(ActionRefused, match="may not prepare"):
        quotation_create(
            user=make_user(role),
            customer_id=customer.pk,
            style_no="ST-1",
            description="Shirt",
            valid_until=date.today() + timedelta(days=30),
        )
    assert not Quotation.objects.exists()


def test_r18_expired_by_hand_only_by_the_team(merchandiser, customer, department_manager):
    quotation = _at("sent", merchandiser, customer, department_manager)
    Quotation.objects.filter(pk=quotation.pk).update(valid_until=date.today() - timedelta(days=1))
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    with pytest.raises(ActionRefused, match="may not"):
        quotation_expire(quotation_id=quotation.pk, user=stranger)
    assert Quotation.objects.get(pk=quotation.pk).status == QuotationStatus.SENT
    quotation_expire(quotation_id=quotation.pk, user=merchandiser)
    assert Quotation.objects.get(pk=quotation.pk).status == QuotationStatus.EXPIRED
