"""Screens per role: each view parses input and calls a service; refusals become messages."""

import pytest
from django.urls import reverse

from complaints.choices import ComplaintKind, ComplaintStatus, ReturnCause, ReturnStatus
from complaints.models import Complaint, ReturnApplication, UnannouncedArrival
from orders.roles import Role
from tests.complaints.builders import apply_return, file_complaint, png, received_return
from tests.factories import make_team, make_user

pytestmark = pytest.mark.django_db


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_order_page_shows_complaints_and_returns(client, order, merchandiser):
    complaint = file_complaint(order)
    application = apply_return(order)
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Complaints &amp; returns" in page
    assert complaint.number in page
    assert application.number in page
    assert reverse("complaints:create", args=[order.pk]) in page
    assert reverse("complaints:return_create", args=[order.pk]) in page


def test_merchandiser_files_a_complaint_with_photos(client, order, merchandiser):
    client.force_login(merchandiser)
    url = reverse("complaints:create", args=[order.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "kind": ComplaintKind.BREAKAGE,
            "received_on": "2025-03-01",
            "description": "Glass broken in 3 cartons",
            "quantity_affected": 12,
            "photos": [png("a.png"), png("b.png")],
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response.url == complaint.get_absolute_url()
    assert complaint.attachments.count() == 2
    assert client.get(response.url).status_code == 200


def test_r16_screen_asks_for_the_weight_of_missing_goods(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.post(
        reverse("complaints:create", args=[order.pk]),
        {
            "kind": ComplaintKind.SHORT_SHIPMENT,
            "received_on": "2025-03-01",
            "description": "2 cartons missing",
            "quantity_affected": 48,
        },
    )
    assert response.status_code == 200
    assert "weight the customer measured" in response.content.decode()
    assert not Complaint.objects.exists()


def test_qc_and_warehouse_do_not_file_complaints(client, order, qc, warehouse):
    for user in (qc, warehouse):
        client.force_login(user)
        assert client.get(reverse("complaints:create", args=[order.pk])).status_code == 403


def test_another_teams_merchandiser_cannot_see_the_complaint(client, order):
    complaint = file_complaint(order)
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    client.force_login(stranger)
    assert client.get(complaint.get_absolute_url()).status_code == 404
    assert client.post(reverse("complaints:approve", args=[complaint.pk])).status_code == 404


def test_report_steps_on_the_screen_per_role(client, order, merchandiser, department_manager, qc):
    complaint = file_complaint(order)
    approve = reverse("complaints:approve", args=[complaint.pk])
    client.force_login(merchandiser)
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert approve not in page
    response = client.post(approve, {"comment": ""}, follow=True)
    assert "leader" in messages_of(response)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.AWAITING_APPROVAL

    client.force_login(department_manager)
    assert approve in client.get(complaint.get_absolute_url()).content.decode()
    client.post(approve, {"comment": "Go"})
    client.force_login(qc)
    analyse = reverse("complaints:analyse", args=[complaint.pk])
    assert analyse in client.get(complaint.get_absolute_url()).content.decode()
    client.post(analyse, {"cause": "Packing", "corrective_action": "Foam", "fault": "factory"})
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.AWAITING_REPLY
    assert complaint.analysed_by == qc


def test_return_application_on_the_screen(client, order, merchandiser):
    client.force_login(merchandiser)
    url = reverse("complaints:return_create", args=[order.pk])
    assert client.get(url).status_code == 200
    data = {
        "applied_on": "2025-03-02",
        "reasons": "Seams open",
        "cause": ReturnCause.COMPANY,
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-style_no": "ST-100",
        "lines-0-colour": "Navy",
        "lines-0-size": "M",
        "lines-0-quantity": "15",
    }
    response = client.post(url, data)
    application = ReturnApplication.objects.get()
    assert response.url == application.get_absolute_url()
    assert application.lines.get().quantity == 15


def test_leader_decides_a_return_on_the_screen(client, order, department_manager, merchandiser):
    application = apply_return(order, cause=ReturnCause.CUSTOMER)
    approve = reverse("complaints:return_approve", args=[application.pk])
    client.force_login(merchandiser)
    assert approve not in client.get(application.get_absolute_url()).content.decode()
    client.force_login(department_manager)
    response = client.post(approve, {"reason": "", "handling": ""}, follow=True)
    assert "refused unless the leader gives the reason" in messages_of(response)
    client.post(approve, {"reason": "Goodwill", "handling": "Stock lot"})
    application.refresh_from_db()
    assert application.status == ReturnStatus.APPROVED


def test_warehouse_receives_and_signs_on_the_screen(
    client, order, department_manager, warehouse, warehouse_head
):
    application = apply_return(order)
    client.force_login(department_manager)
    client.post(reverse("complaints:return_approve", args=[application.pk]), {"reason": "ok"})
    line = application.lines.get()
    client.force_login(warehouse)
    page = client.get(application.get_absolute_url()).content.decode()
    assert reverse("complaints:return_receive", args=[application.pk]) in page
    client.post(
        reverse("complaints:return_receive", args=[application.pk]),
        {f"line_{line.pk}": "19", "differences": ""},
    )
    application.refresh_from_db()
    assert application.status == ReturnStatus.RECEIVED
    sign = reverse("complaints:return_sign", args=[application.pk])
    response = client.post(sign, {"step": "warehouse_head"}, follow=True)
    assert "Out of order" in messages_of(response)
    client.post(sign, {"step": "warehouse_keeper"})
    client.force_login(warehouse_head)
    client.post(sign, {"step": "warehouse_head"})
    assert [s.signed_by for s in application.sign_offs.all()] == [warehouse, warehouse_head]


def test_warehouse_refuses_unannounced_goods_on_the_order_page(client, order, warehouse):
    client.force_login(warehouse)
    response = client.post(
        reverse("complaints:arrival", args=[order.pk]),
        {
            "arrived_on": "2025-03-05",
            "goods": "3 cartons",
            "quantity": "60",
            "waybill": "SF 1",
            "decision": "refused",
            "reason": "No application",
        },
    )
    assert response.url == order.get_absolute_url()
    arrival = UnannouncedArrival.objects.get()
    assert arrival.decided_by == warehouse


def test_open_complaints_with_age_for_the_team_and_per_factory(
    client, order, merchandiser, department_manager, qc
):
    from datetime import timedelta

    from django.utils import timezone

    old = file_complaint(order, received_on=timezone.localdate() - timedelta(days=12))
    file_complaint(order, kind=ComplaintKind.LATE_DELIVERY)
    client.force_login(merchandiser)
    page = client.get(reverse("complaints:open")).content.decode()
    assert old.number in page
    assert "Oldest 12 days" in page
    assert reverse("complaints:open") in page  # the nav link
    factory_page = client.get(reverse("complaints:factory", args=[order.factory_id]))
    assert old.number in factory_page.content.decode()

    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    client.force_login(stranger)
    assert old.number not in client.get(reverse("complaints:open")).content.decode()


def test_finance_raises_a_factory_claim_on_the_screen(
    client, order, department_manager, qc, finance
):
    from tests.complaints.builders import analysed_complaint

    complaint = analysed_complaint(order, leader=department_manager, qc=qc)
    client.force_login(finance)
    claim = reverse("complaints:claim", args=[complaint.pk])
    assert claim in client.get(complaint.get_absolute_url()).content.decode()
    client.post(claim, {"amount": "75.00", "reason": "Rework cost"})
    assert order.deductions.get().amount == 75


def test_return_pdf_preview(client, order, department_manager, warehouse, merchandiser):
    application = received_return(order, leader=department_manager, warehouse=warehouse)
    client.force_login(merchandiser)
    response = client.get(reverse("documents:preview", args=["F-RET-001", application.pk]))
    assert response.status_code == 200
    assert application.number in response.content.decode()


def test_merchandiser_sends_the_report_to_the_factory_in_its_language(
    client, order, merchandiser, department_manager
):
    from complaints.services import complaint_approve
    from orders.models import SentDocument

    complaint = file_complaint(order)
    client.force_login(merchandiser)
    send = reverse("documents:send", args=["F-CMP-001", complaint.pk])
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert send not in page and "a leader has not approved the report (R16)" in page
    complaint_approve(complaint_id=complaint.pk, user=department_manager)
    assert send in client.get(complaint.get_absolute_url()).content.decode()
    client.post(send)
    document = SentDocument.objects.get(form_code="F-CMP-001")
    assert (document.recipient_email, document.recipient_language) == (
        order.factory.email,
        "zh-hant",
    )
    assert order.events.filter(action="document_sent").exists()
