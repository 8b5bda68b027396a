"""R32 work memos (工作聯絡函): addressed to departments, each acknowledges it; open memos wait on
the addressees' home page and in their reminders digest; all on the timeline."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from orders.memos.selectors import collect_open_memos, memos_waiting_for
from orders.memos.services import work_memo_acknowledge, work_memo_send, work_memo_withdraw
from orders.models import WorkMemo
from orders.models.memos import MemoStatus
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def warehouse(db):
    return make_user(Role.WAREHOUSE)


@pytest.fixture
def memo(order, merchandiser):
    return work_memo_send(
        order_id=order.pk,
        user=merchandiser,
        subject="Carton labels: new barcode position",
        body="Barcode label moves to the short side of the carton.",
        addressed_to=[Role.QC, Role.WAREHOUSE],
    )


def test_r32_memo_is_acknowledged_by_each_department_then_closed(memo, qc, warehouse, order):
    assert memo.status == MemoStatus.OPEN and memo.label == "WM-1"
    work_memo_acknowledge(memo_id=memo.pk, user=qc, note="QC will check it at final")
    assert WorkMemo.objects.get(pk=memo.pk).status == MemoStatus.OPEN
    work_memo_acknowledge(memo_id=memo.pk, user=warehouse)
    closed = WorkMemo.objects.get(pk=memo.pk)
    assert closed.status == MemoStatus.ACKNOWLEDGED
    actions = list(order.events.values_list("action", flat=True))
    assert actions.count("memo_acknowledged") == 2 and "memo_sent" in actions


def test_r32_only_an_addressed_department_acknowledges_and_only_once(memo, qc, finance):
    with pytest.raises(ActionRefused, match="waits for"):
        work_memo_acknowledge(memo_id=memo.pk, user=finance)
    work_memo_acknowledge(memo_id=memo.pk, user=qc)
    with pytest.raises(ActionRefused, match="waits for"):
        work_memo_acknowledge(memo_id=memo.pk, user=qc)


def test_r32_a_memo_needs_a_subject_a_body_and_a_department(order, merchandiser):
    for subject, body, roles in (("", "x", [Role.QC]), ("x", "x", []), ("x", " ", [Role.QC])):
        with pytest.raises(ActionRefused):
            work_memo_send(
                order_id=order.pk, user=merchandiser, subject=subject, body=body, addressed_to=roles
            )
    assert not WorkMemo.objects.exists()


def test_r32_open_memos_wait_on_home_and_in_the_digest(client, memo, qc, warehouse):
    assert memos_waiting_for(qc) == [memo]
    client.force_login(qc)
    home = client.get(reverse("orders:home")).content.decode()
    assert memo.get_absolute_url() in home
    later = date.today() + timedelta(days=5)
    items = collect_open_memos(later)
    assert {item.user_id for item in items} == {qc.pk, warehouse.pk}
    assert all(item.is_overdue for item in items)
    work_memo_acknowledge(memo_id=memo.pk, user=qc)
    assert memos_waiting_for(qc) == []
    assert {item.user_id for item in collect_open_memos(later)} == {warehouse.pk}


def test_r32_withdrawn_with_a_reason_by_the_merchandiser(memo, merchandiser, qc):
    with pytest.raises(ActionRefused):
        work_memo_withdraw(memo_id=memo.pk, user=qc, reason="not mine")
    work_memo_withdraw(memo_id=memo.pk, user=merchandiser, reason="Customer kept the old label")
    assert WorkMemo.objects.get(pk=memo.pk).status == MemoStatus.WITHDRAWN
    with pytest.raises(ActionRefused, match="closed"):
        work_memo_acknowledge(memo_id=memo.pk, user=qc)


def test_r32_pages_write_and_acknowledge(client, order, merchandiser, qc):
    client.force_login(merchandiser)
    client.post(
        reverse("orders:memo_send", args=[order.pk]),
        {
            "subject": "Booking moved",
            "body": "Vessel changes to 12 Dec.",
            "addressed_to": [Role.WAREHOUSE, Role.QC],
        },
    )
    memo = WorkMemo.objects.get()
    assert set(memo.addressed_to) == {Role.QC, Role.WAREHOUSE}
    client.force_login(qc)
    page = client.get(order.get_absolute_url()).content.decode()
    assert reverse("orders:memo_acknowledge", args=[memo.pk]) in page
    client.post(reverse("orders:memo_acknowledge", args=[memo.pk]), {"note": "ok"})
    assert memo.acknowledgements.get().user == qc


def test_r32_each_addressee_is_mailed_once_in_their_own_language(
    order, merchandiser, django_capture_on_commit_callbacks
):
    from django.core import mail

    qc_hant = make_user(Role.QC, language="zh-hant")
    warehouse_en = make_user(Role.WAREHOUSE, language="en")
    make_user(Role.FINANCE)  # not addressed: not told
    sent = {
        "order_id": order.pk,
        "user": merchandiser,
        "subject": "Carton labels: new barcode position",
        "body": "Barcode label moves to the short side of the carton.",
        "addressed_to": [Role.QC, Role.WAREHOUSE],
    }
    with django_capture_on_commit_callbacks(execute=True):
        memo = work_memo_send(**sent)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2  # once per addressee (the double click is the form token's)
    assert set(by_address) == {qc_hant.email, warehouse_en.email}
    english, chinese = by_address[warehouse_en.email], by_address[qc_hant.email]
    assert english.subject == f"Work memo WM-1 on order {order.po_number}: {memo.subject}"
    assert "short side of the carton" in english.body and memo.get_absolute_url() in english.body
    assert "工作聯絡函" in chinese.subject and "short side of the carton" in chinese.body


def test_r32_an_open_memo_goes_into_the_addressees_digest(memo, qc, warehouse):
    from orders.models import OutboxMessage
    from orders.reminders.digests import send_digests

    send_digests(today=date.today() + timedelta(days=5))
    bodies = {
        row.recipient: row.payload["body"] for row in OutboxMessage.objects.filter(kind="digest")
    }
    assert "Carton labels: new barcode position" in bodies[qc.email]
    assert "Carton labels: new barcode position" in bodies[warehouse.email]
