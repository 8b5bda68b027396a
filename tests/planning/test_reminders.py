"""Reminders: selection by state with a frozen clock, one digest per person per day, exactly
once, escalation after N days, and the day missed while the worker was down."""

import time
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from orders.choices import EventKind
from orders.models import Digest
from orders.outbox import delivery
from orders.outbox.choices import OutboxState
from orders.outbox.services import outbox_sweep
from orders.reminders import digests
from orders.reminders.selection import collect, due_milestones
from orders.roles import Role
from orders.services.common import record_event
from orders.tasks_reminders import daily_reminders
from tests.factories import make_user
from tests.outbox import after_commit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.GENDAN_REMINDER_DAYS_AHEAD = 3
    settings.GENDAN_ESCALATE_AFTER_DAYS = 3


@freeze_time("2026-01-06")
def test_r13_reply_to_the_customer_is_due_within_48_hours(planned_order, merchandiser):
    items = collect(date(2026, 1, 6))[merchandiser.pk]
    reply = [item for item in items if item.due == date(2026, 1, 7)]
    assert len(reply) == 1 and "R13" in str(reply[0].title)
    assert not reply[0].is_overdue


def test_selection_takes_due_soon_and_overdue_open_milestones_only(planned_order):
    rows = list(due_milestones(today=date(2026, 1, 8)))
    assert [row[3] for row in rows] == ["customer_reply"]  # overdue by one day
    record_event(planned_order, kind=EventKind.NOTE, action="customer_reply_sent")
    assert not list(due_milestones(today=date(2026, 1, 8)))
    # Lab dips (12 Feb) come into view three days before.
    assert not list(due_milestones(today=date(2026, 2, 8)))
    assert [row[3] for row in due_milestones(today=date(2026, 2, 9))] == ["lab_dips"]


def test_r12_final_inspection_booking_reaches_qc_a_week_before(planned_order):
    qc = make_user(Role.QC)
    items = [item for item in collect(date(2026, 4, 21))[qc.pk] if "R12" in str(item.title)]
    assert [item.due for item in items] == [date(2026, 4, 23)]


def test_r1_trim_card_check_reminds_the_merchandiser(planned_order, merchandiser):
    with freeze_time("2026-03-05 09:00"):
        record_event(planned_order, kind=EventKind.NOTE, action="trim_card_received")
    items = collect(date(2026, 3, 9))[merchandiser.pk]
    assert any("R1" in str(item.title) and item.due == date(2026, 3, 10) for item in items)


def test_one_digest_per_person_per_day_with_all_their_items(planned_order, merchandiser):
    from orders.services.planning import plan_build
    from tests.factories import make_order

    other = make_order(
        merchandiser=merchandiser,
        order_date=date(2026, 1, 5),
        ex_factory_date=date(2026, 4, 30),
        customer_date=date(2026, 5, 15),
    )
    plan_build(order=other, user=merchandiser, today=date(2026, 1, 6))
    with after_commit():
        assert digests.send_digests(today=date(2026, 1, 7)) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [merchandiser.email]
    assert message.extra_headers["Message-ID"] == Digest.objects.get().outbox.message_id
    assert planned_order.po_number in message.body and other.po_number in message.body
    digest = Digest.objects.get()
    assert (digest.status, digest.item_count) == (OutboxState.SENT, 2)


def test_calling_the_task_twice_sends_one_digest(planned_order, merchandiser):
    with after_commit():
        daily_reminders.delay("2026-01-07")
        daily_reminders.delay("2026-01-07")
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(user=merchandiser).count() == 1


def test_a_digest_whose_worker_died_is_sent_once_after_its_lease(
    planned_order, merchandiser, settings
):
    with after_commit(execute=False):
        digests.send_digests(today=date(2026, 1, 7))
    digest = Digest.objects.get()
    assert delivery.claim(digest.outbox_id) is not None  # ...and the worker is killed
    with after_commit():
        assert digests.send_digests(today=date(2026, 1, 7)) == 0  # a second beat writes none
        delivery.deliver(digest.outbox_id)  # the lease still holds: nothing is sent
    assert mail.outbox == []
    with freeze_time(timezone.now() + timedelta(seconds=settings.GENDAN_OUTBOX_LEASE_SECONDS)):
        assert outbox_sweep() == 1  # the sweep hands the row on
    assert len(mail.outbox) == 1
    digest.outbox.refresh_from_db()
    assert (digest.outbox.state, digest.outbox.attempts) == (OutboxState.SENT, 2)


def test_a_refused_mail_is_retried_and_sent_once(planned_order, merchandiser, smtp_sink):
    smtp_sink.fail_next(1)
    with after_commit():
        digests.send_digests(today=date(2026, 1, 7))
    (message,) = smtp_sink.wait_for(1)
    digest = Digest.objects.get()
    assert (digest.status, digest.outbox.attempts, smtp_sink.refused) == (OutboxState.SENT, 2, 1)
    assert message["Message-ID"] == smtp_sink.refused_messages[0]["Message-ID"]


def test_reminder_missed_while_the_worker_was_down_is_sent_when_it_comes_back(
    planned_order, merchandiser
):
    # Nothing ran on 7 January, when the reply was due. On the 9th it is still open: it is sent.
    with after_commit():
        digests.send_digests(today=date(2026, 1, 9))
    assert len(mail.outbox) == 1
    assert planned_order.po_number in mail.outbox[0].body
    assert Digest.objects.get().day == date(2026, 1, 9)


def test_escalation_to_the_team_head_after_n_days(planned_order, merchandiser, team):
    head = make_user(Role.MERCHANDISER, team=team)
    team.head = head
    team.save()
    # Two days overdue: the merchandiser only.
    assert head.pk not in collect(date(2026, 1, 9))
    # Four days overdue (limit 3): the head hears of it too.
    items = collect(date(2026, 1, 11))[head.pk]
    assert items[0].escalated_from_id == merchandiser.pk
    with after_commit():
        digests.send_digests(today=date(2026, 1, 11))
    to = sorted(message.to[0] for message in mail.outbox)
    assert to == sorted([merchandiser.email, head.email])
    head_mail = next(message for message in mail.outbox if message.to == [head.email])
    assert "escalated" in head_mail.body


def test_escalation_goes_to_department_managers_without_a_team_head(
    planned_order, merchandiser, department_manager
):
    items = collect(date(2026, 1, 11))[department_manager.pk]
    assert items[0].escalated_from_id == merchandiser.pk


def test_digest_is_written_in_the_persons_language(planned_order, merchandiser, monkeypatch):
    from django.utils import translation

    seen = []
    original = digests.render_to_string

    def spy(*args, **kwargs):
        seen.append(translation.get_language())
        return original(*args, **kwargs)

    merchandiser.profile.language = "zh-hant"
    merchandiser.profile.save()
    monkeypatch.setattr(digests, "render_to_string", spy)
    digests.send_digests(today=date(2026, 1, 7))
    assert seen and set(seen) == {"zh-hant"}


def test_my_reminders_page_lists_the_items_and_digests(client, planned_order, merchandiser):
    with freeze_time("2026-01-07"):
        digests.send_digests()
        client.force_login(merchandiser)
        response = client.get(reverse("orders:reminders"))
    assert response.status_code == 200
    assert planned_order.po_number in response.content.decode()


@pytest.mark.worker
def test_exactly_once_with_a_real_worker(planned_order, merchandiser, smtp_sink):
    """Two beats (or a retry) for the same day: the SMTP server gets one digest."""
    daily_reminders.delay("2026-01-07")
    daily_reminders.delay("2026-01-07")
    smtp_sink.wait_for(1, timeout=60)
    # Let the second run finish and any duplicate arrive before counting.
    time.sleep(3)
    to = [message["To"] for message in smtp_sink.messages]
    assert to == [merchandiser.email]


def test_my_reminders_reads_only_what_reaches_the_reader(
    planned_order, merchandiser, team, department_manager
):
    """Each person's page holds exactly their items of the company-wide scan (own, by role,
    escalated), and its scan reads no other merchandiser's rows."""
    from orders.reminders.selection import for_user
    from orders.services.planning import plan_build
    from tests.factories import make_order, make_team

    head = make_user(Role.MERCHANDISER, team=team)
    team.head = head
    team.save()
    qc = make_user(Role.QC)
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    theirs = make_order(
        merchandiser=stranger,
        order_date=date(2026, 1, 5),
        ex_factory_date=date(2026, 4, 30),
        customer_date=date(2026, 5, 15),
    )
    plan_build(order=theirs, user=stranger, today=date(2026, 1, 6))
    for day in (date(2026, 1, 11), date(2026, 4, 21)):
        everyone = collect(day)
        for person in (merchandiser, head, qc, department_manager, stranger):
            mine = for_user(person.pk, day)
            assert mine == everyone.get(person.pk, []), (person, day)
    # The head's escalated item, and nothing of the other team's merchandiser.
    head_items = digests.my_reminders(head, today=date(2026, 1, 11))
    assert [item.escalated_from_id for item in head_items] == [merchandiser.pk]
    assert {item.order_id for item in for_user(merchandiser.pk, date(2026, 4, 21))} == {
        planned_order.pk
    }


def test_my_reminders_page_is_cut_with_a_link_to_all(
    client, planned_order, merchandiser, monkeypatch
):
    from orders.views import planning as views

    monkeypatch.setattr(views, "REMINDER_ROWS", 1)
    client.force_login(merchandiser)
    with freeze_time("2026-02-13"):
        items = digests.my_reminders(merchandiser)
        cut = client.get(reverse("orders:reminders")).content.decode()
        full = client.get(reverse("orders:reminders") + "?all=1").content.decode()
    assert len(items) >= 2
    assert f"Show all {len(items)} reminders" in cut
    link = f'href="{reverse("orders:detail", args=[planned_order.pk])}"'
    assert (cut.count(link), full.count(link)) == (1, len(items))
    assert "Show all" not in full
    assert all(str(item.title) in full for item in items)
