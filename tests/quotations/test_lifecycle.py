"""R18: every step by the right role, refused for the wrong one; approval before sending;
special prices by the general manager or the deputy; re-quoting makes a new revision."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_fsm import TransitionNotAllowed

from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation, QuotationPolicy
from orders.quotations.services import (
    quotation_approve,
    quotation_expire,
    quotation_lose,
    quotation_reject,
    quotation_requote,
    quotation_send,
    quotation_submit,
    quotation_win,
    quotations_expire_due,
)
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.factories import make_team, make_user
from tests.quotations.builders import make_quotation

pytestmark = pytest.mark.django_db


def fresh(quotation) -> Quotation:
    return Quotation.objects.get(pk=quotation.pk)


@pytest.fixture
def quotation(merchandiser, customer):
    return make_quotation(user=merchandiser, customer=customer)


@pytest.fixture
def special(quotation):
    QuotationPolicy.objects.filter(pk=1).update(special_price_margin_percent=Decimal("16"))
    return quotation


def test_r18_status_is_protected(quotation):
    with pytest.raises(AttributeError):
        quotation.status = QuotationStatus.APPROVED


def test_r18_approved_before_sending(quotation, merchandiser, department_manager):
    with pytest.raises(ActionRefused, match="not possible while the quotation is draft"):
        quotation_send(quotation_id=quotation.pk, user=merchandiser)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    with pytest.raises(ActionRefused):
        quotation_send(quotation_id=quotation.pk, user=merchandiser)
    quotation_approve(quotation_id=quotation.pk, user=department_manager, comment="ok")
    quotation_send(quotation_id=quotation.pk, user=merchandiser)
    quotation = fresh(quotation)
    assert quotation.status == QuotationStatus.SENT
    assert quotation.approved_by == department_manager and quotation.sent_at
    assert [e.action for e in quotation.events.all()] == [
        "created",
        "costed",
        "submit",
        "approve",
        "send",
        "pdf_sent",
    ]


def test_r18_submit_needs_a_factory_price_and_a_selling_price(merchandiser, customer):
    bare = make_quotation(user=merchandiser, customer=customer, costing=[], breaks=[])
    with pytest.raises(ActionRefused) as refused:
        quotation_submit(quotation_id=bare.pk, user=merchandiser)
    assert [str(d) for d in refused.value.details] == [
        "The costing has no factory price.",
        "There is no selling price yet.",
    ]
    assert fresh(bare).status == QuotationStatus.DRAFT


def test_r18_merchandiser_cannot_approve(quotation, merchandiser):
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    other = make_user(Role.MERCHANDISER, team=merchandiser.profile.team)
    with pytest.raises(ActionRefused, match="You may not"):
        quotation_approve(quotation_id=quotation.pk, user=other)
    assert fresh(quotation).status == QuotationStatus.IN_APPROVAL


def test_r18_nobody_approves_their_own_quotation(merchandiser, customer, department_manager):
    own = make_quotation(user=department_manager, customer=customer)
    quotation_submit(quotation_id=own.pk, user=department_manager)
    with pytest.raises(ActionRefused, match="Someone else"):
        quotation_approve(quotation_id=own.pk, user=department_manager)


def test_r18_special_price_refused_to_the_department_manager(
    special, merchandiser, department_manager
):
    quotation_submit(quotation_id=special.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="deputy general manager") as refused:
        quotation_approve(quotation_id=special.pk, user=department_manager)
    assert "15.56" in refused.value.details[0]
    assert fresh(special).status == QuotationStatus.IN_APPROVAL
    assert fresh(special).events.filter(action="special_price").exists()


@pytest.mark.parametrize("role", [Role.GENERAL_MANAGER, Role.DEPUTY_GENERAL_MANAGER])
def test_r18_special_price_approved_by_the_gm_or_deputy(special, merchandiser, role):
    quotation_submit(quotation_id=special.pk, user=merchandiser)
    approver = make_user(role)
    quotation_approve(quotation_id=special.pk, user=approver)
    approved = fresh(special)
    assert approved.status == QuotationStatus.APPROVED
    assert approved.special_price and approved.approved_by == approver


def test_r18_rejection_returns_to_draft_with_its_reason(
    quotation, merchandiser, department_manager
):
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="reason"):
        quotation_reject(quotation_id=quotation.pk, user=department_manager, reason=" ")
    quotation_reject(quotation_id=quotation.pk, user=department_manager, reason="Freight too low")
    rejected = fresh(quotation)
    assert rejected.status == QuotationStatus.DRAFT
    assert rejected.events.last().comment == "Freight too low"


def _sent(quotation, merchandiser, approver):
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    quotation_approve(quotation_id=quotation.pk, user=approver)
    return quotation_send(quotation_id=quotation.pk, user=merchandiser)


def test_r18_won_and_lost(quotation, merchandiser, department_manager, customer):
    _sent(quotation, merchandiser, department_manager)
    quotation_win(quotation_id=quotation.pk, user=merchandiser)
    assert fresh(quotation).status == QuotationStatus.WON
    other = make_quotation(user=merchandiser, customer=customer)
    _sent(other, merchandiser, department_manager)
    with pytest.raises(ActionRefused, match="why"):
        quotation_lose(quotation_id=other.pk, user=merchandiser, reason="")
    quotation_lose(quotation_id=other.pk, user=merchandiser, reason="Competitor 8 % cheaper")
    lost = fresh(other)
    assert lost.status == QuotationStatus.LOST and lost.lost_reason == "Competitor 8 % cheaper"


def test_r18_another_team_cannot_touch_it(quotation):
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    with pytest.raises(ActionRefused, match="You may not"):
        quotation_submit(quotation_id=quotation.pk, user=stranger)


def test_r18_expired_only_after_the_validity_date(quotation, merchandiser, department_manager):
    _sent(quotation, merchandiser, department_manager)
    with pytest.raises(ActionRefused) as refused:
        quotation_expire(quotation_id=quotation.pk, user=merchandiser)
    assert refused.value.details == ["The quotation is still valid."]
    Quotation.objects.filter(pk=quotation.pk).update(valid_until=date.today() - timedelta(days=1))
    assert quotations_expire_due() == 1
    assert fresh(quotation).status == QuotationStatus.EXPIRED
    assert quotations_expire_due() == 0


def test_r18_requote_makes_a_new_revision(quotation, merchandiser, department_manager):
    _sent(quotation, merchandiser, department_manager)
    new = quotation_requote(
        quotation_id=quotation.pk, user=merchandiser, reason="Customer asks 5.80"
    )
    old = fresh(quotation)
    assert old.status == QuotationStatus.REVISED
    assert new.status == QuotationStatus.DRAFT
    assert (new.number, new.revision, new.previous_id) == (old.number, 2, old.pk)
    assert new.label.endswith("Rev 2")
    assert [(b.min_quantity, b.unit_price) for b in new.price_breaks.all()] == [
        (b.min_quantity, b.unit_price) for b in old.price_breaks.all()
    ]
    assert new.costing_lines.count() == 4
    with pytest.raises(ActionRefused, match="Replaced by a new revision"):
        quotation_requote(quotation_id=quotation.pk, user=merchandiser, reason="again")


def test_r18_costing_locked_once_submitted(quotation, merchandiser):
    from orders.quotations.services import costing_save

    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    with pytest.raises(ActionRefused, match="re-quote"):
        costing_save(quotation_id=quotation.pk, user=merchandiser, lines=[], breaks=[])


def test_r18_bad_costing_is_refused_and_nothing_saved(quotation, merchandiser):
    from orders.quotations.services import costing_save

    with pytest.raises(ActionRefused, match="same quantity"):
        costing_save(
            quotation_id=quotation.pk,
            user=merchandiser,
            lines=[],
            breaks=[
                {"min_quantity": 500, "unit_price": Decimal("6")},
                {"min_quantity": 500, "unit_price": Decimal("5")},
            ],
        )
    assert fresh(quotation).price_breaks.count() == 2
    assert fresh(quotation).costing_lines.count() == 4


def test_r18_the_model_refuses_a_transition_called_directly(quotation):
    with pytest.raises(TransitionNotAllowed):
        quotation.win()


def test_r18_beat_task_expires_what_is_past(quotation, merchandiser, department_manager):
    from orders.quotations.tasks import expire_quotations

    _sent(quotation, merchandiser, department_manager)
    Quotation.objects.filter(pk=quotation.pk).update(valid_until=date.today() - timedelta(days=3))
    assert expire_quotations.apply().get() == 1
    assert fresh(quotation).status == QuotationStatus.EXPIRED
