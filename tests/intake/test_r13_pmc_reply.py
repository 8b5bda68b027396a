"""R13 intake: after the merchandiser's first review PMC confirms capacity and replies a
delivery date by the next working afternoon (reminded, escalated to the manager when late);
the merchandiser's 48-hour written reply to the customer gives PMC's date."""

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from freezegun import freeze_time

from orders.choices import Stage
from orders.documents.services import document_send
from orders.intake.choices import IntakeEvent, PmcReplyStatus
from orders.intake.models import PmcReply
from orders.intake.rules import CUSTOMER_REPLY_FORM, r13_pmc_reply_due
from orders.intake.services import pmc_reply_ask, pmc_reply_give
from orders.intake.setup import R13_REPLY_WAITS_FOR_PMC
from orders.models import CustomerContact, Holiday, Order, PlanTemplate
from orders.outbox.tasks import deliver_outbox
from orders.planning.choices import PlanEvent
from orders.reminders.selection import collect
from orders.roles import Role
from orders.services.common import ActionRefused
from orders.services.planning import milestone_complete, plan_build
from orders.services.transitions import order_transition
from orders.timeline import render_message
from tests.factories import make_order, make_team, make_user, tick_contract

pytestmark = pytest.mark.django_db


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


def asked(order, merchandiser, **kwargs) -> PmcReply:
    return pmc_reply_ask(order_id=order.pk, user=merchandiser, note="Sizes checked", **kwargs)


def test_r13_pmc_reply_due_the_next_working_afternoon():
    # Asked on a Tuesday morning: due on Wednesday at 17:00, office time.
    assert r13_pmc_reply_due(local(2026, 3, 3, 9, 30)) == local(2026, 3, 4, 17, 0)


def test_r13_pmc_reply_due_skips_the_weekend_and_holidays(order, merchandiser):
    friday = local(2026, 4, 3, 16, 45)
    assert r13_pmc_reply_due(friday) == local(2026, 4, 6, 17, 0)
    # Easter Monday closed: due on Tuesday.
    Holiday.objects.create(date=date(2026, 4, 6), name="Easter Monday")
    reply = asked(order, merchandiser, now=friday)
    assert timezone.localtime(reply.due_at) == local(2026, 4, 7, 17, 0)


def test_r13_the_merchandiser_asks_pmc_and_only_once_at_a_time(order, merchandiser, pmc, qc):
    with pytest.raises(ActionRefused, match="merchandiser"):
        pmc_reply_ask(order_id=order.pk, user=pmc)
    with pytest.raises(ActionRefused, match="merchandiser"):
        pmc_reply_ask(order_id=order.pk, user=qc)
    reply = asked(order, merchandiser)
    assert reply.status == PmcReplyStatus.WAITING
    assert order.events.filter(action=IntakeEvent.PMC_REQUESTED, actor=merchandiser).exists()
    with pytest.raises(ActionRefused, match="already been asked"):
        asked(order, merchandiser)
    assert PmcReply.objects.count() == 1


def test_r13_pmc_is_asked_at_intake_only(order, merchandiser):
    Order.objects.filter(pk=order.pk).update(stage=Stage.APPROVED)
    with pytest.raises(ActionRefused, match="intake"):
        asked(order, merchandiser)


def test_r13_only_pmc_replies_the_delivery_date(order, merchandiser, pmc, department_manager):
    reply = asked(order, merchandiser)
    date_given = timezone.localdate() + timedelta(days=55)
    for someone in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="PMC"):
            pmc_reply_give(
                reply_id=reply.pk, user=someone, delivery_date=date_given, capacity_confirmed=True
            )
    pmc_reply_give(reply_id=reply.pk, user=pmc, delivery_date=date_given, capacity_confirmed=True)
    reply = PmcReply.objects.get(pk=reply.pk)
    assert (reply.status, reply.delivery_date, reply.replied_by) == (
        PmcReplyStatus.REPLIED,
        date_given,
        pmc,
    )
    assert order.events.filter(action=IntakeEvent.PMC_REPLIED, actor=pmc).exists()
    with pytest.raises(ActionRefused, match="already replied"):
        pmc_reply_give(
            reply_id=reply.pk, user=pmc, delivery_date=date_given, capacity_confirmed=True
        )


def test_r13_short_capacity_needs_a_reason_and_no_past_date(order, merchandiser, pmc):
    reply = asked(order, merchandiser)
    later = timezone.localdate() + timedelta(days=80)
    with pytest.raises(ActionRefused, match="why"):
        pmc_reply_give(reply_id=reply.pk, user=pmc, delivery_date=later, capacity_confirmed=False)
    with pytest.raises(ActionRefused, match="past"):
        pmc_reply_give(
            reply_id=reply.pk,
            user=pmc,
            delivery_date=timezone.localdate() - timedelta(days=1),
            capacity_confirmed=True,
        )
    pmc_reply_give(
        reply_id=reply.pk,
        user=pmc,
        delivery_date=later,
        capacity_confirmed=False,
        note="Sewing lines full until May",
    )
    assert PmcReply.objects.get().reply_note == "Sewing lines full until May"


def test_r13_pmc_is_reminded_and_the_manager_hears_when_it_is_late(
    order, merchandiser, pmc, department_manager
):
    reply = asked(order, merchandiser)
    due = timezone.localdate(reply.due_at)
    on_the_day = collect(due)
    assert [item.source for item in on_the_day[pmc.pk]] == ["pmc_reply"]
    assert department_manager.pk not in on_the_day
    late = collect(due + timedelta(days=1))
    escalated = [i for i in late[department_manager.pk] if i.source == "pmc_reply"]
    assert len(escalated) == 1 and escalated[0].escalated_from_id == pmc.pk
    # Long late: the general escalation takes over, still one copy for the manager.
    very_late = collect(due + timedelta(days=10))
    assert len([i for i in very_late[department_manager.pk] if i.source == "pmc_reply"]) == 1
    pmc_reply_give(
        reply_id=reply.pk,
        user=pmc,
        delivery_date=timezone.localdate() + timedelta(days=50),
        capacity_confirmed=True,
    )
    assert pmc.pk not in collect(due + timedelta(days=1))


def test_r13_pmc_replies_from_the_order_page(client, order, merchandiser, pmc):
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Ask PMC for capacity and a delivery date" in page
    client.post(reverse("intake:ask_pmc", args=[order.pk]), {"note": "Checked"})
    reply = PmcReply.objects.get()
    client.force_login(pmc)
    home = client.get(reverse("orders:home")).content.decode()
    assert order.po_number in home and "Delivery dates waiting for PMC" in home
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Reply the delivery date" in page
    answer = client.post(
        reverse("intake:pmc_reply", args=[reply.pk]),
        {"delivery_date": "2099-05-04", "capacity_confirmed": "on"},
    )
    assert answer.status_code == 302
    reply = PmcReply.objects.get(pk=reply.pk)
    assert reply.delivery_date == date(2099, 5, 4)


def test_r13_the_written_reply_waits_for_pmc_and_completes_the_48_hour_milestone(
    order, merchandiser, pmc
):
    CustomerContact.objects.create(customer=order.customer, name="Ms Ward", email="w@x.example")
    plan_build(order=order, template=PlanTemplate.objects.get(is_default=True))
    with pytest.raises(ActionRefused, match="PMC has not replied"):
        document_send(spec_code=CUSTOMER_REPLY_FORM, obj=order, user=merchandiser)
    reply = asked(order, merchandiser)
    pmc_reply_give(
        reply_id=reply.pk,
        user=pmc,
        delivery_date=date(2099, 5, 4),
        capacity_confirmed=True,
    )
    with mock.patch.object(deliver_outbox, "apply_async"):
        document_send(spec_code=CUSTOMER_REPLY_FORM, obj=order, user=merchandiser)
    event = order.events.get(action=PlanEvent.CUSTOMER_REPLY_SENT)
    assert "2099-05-04" in event.comment
    milestone = order.milestones.get(code="customer_reply")
    assert milestone.actual_date == timezone.localdate()


def test_r13_the_pmc_role_sees_every_order(pmc, merchandiser):
    other = make_order(merchandiser=make_user(Role.MERCHANDISER, team=make_team()))
    from orders.selectors import visible_orders

    assert other in visible_orders(pmc)


def test_r13_a_reply_posted_by_another_role_is_refused_and_changes_nothing(
    client, order, merchandiser, qc
):
    reply = asked(order, merchandiser)
    client.force_login(qc)
    assert "Reply the delivery date" not in client.get(order.get_absolute_url()).content.decode()
    assert (
        "Delivery dates waiting for PMC" not in client.get(reverse("orders:home")).content.decode()
    )
    answer = client.post(
        reverse("intake:pmc_reply", args=[reply.pk]),
        {"delivery_date": "2099-05-04", "capacity_confirmed": "on"},
        follow=True,
    )
    assert "Only the planner / PMC replies the delivery date." in answer.content.decode()
    assert PmcReply.objects.get(pk=reply.pk).status == PmcReplyStatus.WAITING


def test_r13_pmc_date_becomes_the_ex_factory_date_when_it_keeps_the_customer_date(
    order, merchandiser, pmc
):
    plan_build(order=order, template=PlanTemplate.objects.get(is_default=True))
    earlier = order.ex_factory_date - timedelta(days=5)
    pmc_reply_give(
        reply_id=asked(order, merchandiser).pk,
        user=pmc,
        delivery_date=earlier,
        capacity_confirmed=True,
    )
    order = Order.objects.get(pk=order.pk)
    assert order.ex_factory_date == earlier
    assert order.milestones.get(code="ex_factory").planned_date == earlier
    # A date after the customer's is for the customer to accept first: the order keeps its own.
    after_customer = order.customer_date + timedelta(days=10)
    pmc_reply_give(
        reply_id=asked(order, merchandiser).pk,
        user=pmc,
        delivery_date=after_customer,
        capacity_confirmed=False,
        note="Knitting machines booked",
    )
    assert Order.objects.get(pk=order.pk).ex_factory_date == earlier


def test_r13_pmc_is_asked_when_the_order_goes_for_review(order, merchandiser, pmc):
    tick_contract(order)
    with freeze_time(local(2026, 3, 3, 9, 30)):  # a Tuesday morning
        order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    reply = PmcReply.objects.get(order=order)
    assert (reply.status, reply.requested_by) == (PmcReplyStatus.WAITING, merchandiser)
    assert timezone.localtime(reply.due_at) == local(2026, 3, 4, 17, 0)
    event = order.events.get(action=IntakeEvent.PMC_REQUESTED)
    assert "went for review" in render_message(event.message)
    # PMC's digest has it like any request asked by hand.
    assert [i.source for i in collect(date(2026, 3, 4))[pmc.pk]] == ["pmc_reply"]
    # Returned and submitted again: PMC's request stands, it is not asked twice.
    order_transition(
        order_id=order.pk,
        user=make_user(Role.DEPARTMENT_MANAGER),
        name="return_for_changes",
        comment="Price per size",
    )
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    assert PmcReply.objects.filter(order=order).count() == 1


def test_r13_an_order_asked_by_hand_first_is_not_asked_again(order, merchandiser, pmc):
    reply = asked(order, merchandiser)
    pmc_reply_give(
        reply_id=reply.pk,
        user=pmc,
        delivery_date=timezone.localdate() + timedelta(days=40),
        capacity_confirmed=True,
    )
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    assert list(PmcReply.objects.filter(order=order)) == [reply]


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r13_the_written_reply_milestone_waits_for_pmc(client, order, merchandiser, pmc, language):
    plan_build(order=order, template=PlanTemplate.objects.get(is_default=True))
    milestone = order.milestones.get(code="customer_reply")
    with pytest.raises(ActionRefused, match="R13"):
        milestone_complete(milestone_id=milestone.pk, user=merchandiser)
    merchandiser.profile.language = language
    merchandiser.profile.save()
    client.force_login(merchandiser)
    url = reverse("orders:milestone_done", args=[order.pk, milestone.pk])
    page = client.post(url, {"on": timezone.localdate()}, follow=True).content.decode()
    with translation.override(language):
        expected = str(R13_REPLY_WAITS_FOR_PMC)
    assert escape(expected) in page and "R13" in expected
    if language != "en":
        assert "cannot be marked done" not in page
    assert order.milestones.get(code="customer_reply").actual_date is None
    pmc_reply_give(
        reply_id=asked(order, merchandiser).pk,
        user=pmc,
        delivery_date=timezone.localdate() + timedelta(days=40),
        capacity_confirmed=True,
    )
    milestone_complete(milestone_id=milestone.pk, user=merchandiser, comment="Replied by fax")
    assert order.milestones.get(code="customer_reply").actual_date == timezone.localdate()
