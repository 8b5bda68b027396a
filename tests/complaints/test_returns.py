"""R17: approval of a return by cause and destination, the notice to ship, unannounced goods,
receipt, the sign-offs in order and the return note."""

import pytest
from django.core import mail

from complaints.choices import ArrivalDecision, ReturnCause, ReturnStatus, SignOffStep
from complaints.models import ReturnSignOff, UnannouncedArrival
from complaints.services import (
    return_approve,
    return_note_issue,
    return_note_send,
    return_notify_customer,
    return_receive,
    return_refuse,
    return_sign_off,
    unannounced_arrival_record,
)
from orders.models import OrderEvent, SentDocument
from orders.services.common import ActionRefused
from tests.complaints.builders import (
    analysed_complaint,
    apply_return,
    make_warehouse_head,
    received_return,
    sign_all,
)

pytestmark = pytest.mark.django_db


# ---- approval -------------------------------------------------------------------------------


def test_r17_company_caused_return_is_accepted_by_the_department_manager(order, department_manager):
    application = apply_return(order, cause=ReturnCause.COMPANY)
    application = return_approve(application_id=application.pk, user=department_manager)
    assert application.status == ReturnStatus.APPROVED
    assert application.decided_by == department_manager
    event = OrderEvent.objects.get(order=order, action="return_approved")
    assert event.actor == department_manager


def test_r17_company_caused_return_refused_to_non_leaders(order, merchandiser, administration):
    application = apply_return(order, cause=ReturnCause.COMPANY)
    for user in (merchandiser, administration):
        with pytest.raises(ActionRefused, match="department manager or the general manager"):
            return_approve(application_id=application.pk, user=user)


def test_r17_customer_caused_return_refused_without_a_leader(order, merchandiser, administration):
    application = apply_return(order, cause=ReturnCause.CUSTOMER)
    for user in (merchandiser, administration):
        with pytest.raises(ActionRefused, match="refused unless a leader approves"):
            return_approve(application_id=application.pk, user=user, reason="Good customer")


def test_r17_customer_caused_return_needs_the_leaders_reason(order, department_manager):
    application = apply_return(order, cause=ReturnCause.CUSTOMER)
    with pytest.raises(ActionRefused, match="reason for the exception"):
        return_approve(application_id=application.pk, user=department_manager)
    application = return_approve(
        application_id=application.pk,
        user=department_manager,
        reason="Key account; one-off goodwill",
        handling="Resell as stock lot",
    )
    assert application.status == ReturnStatus.APPROVED
    assert application.decision_reason == "Key account; one-off goodwill"
    assert application.handling == "Resell as stock lot"


def test_r17_goods_back_to_the_factory_need_the_general_manager(
    order, department_manager, general_manager
):
    application = apply_return(order, back_to_factory=True)
    with pytest.raises(ActionRefused, match="general manager's approval"):
        return_approve(application_id=application.pk, user=department_manager)
    application = return_approve(application_id=application.pk, user=general_manager)
    assert application.status == ReturnStatus.APPROVED


def test_r17_refusal_by_a_leader_with_reason(order, department_manager, merchandiser):
    application = apply_return(order, cause=ReturnCause.CUSTOMER)
    with pytest.raises(ActionRefused, match="decides returns"):
        return_refuse(application_id=application.pk, user=merchandiser, reason="no")
    with pytest.raises(ActionRefused, match="reason"):
        return_refuse(application_id=application.pk, user=department_manager, reason="")
    application = return_refuse(
        application_id=application.pk, user=department_manager, reason="Customer's own error"
    )
    assert application.status == ReturnStatus.REFUSED
    with pytest.raises(ActionRefused, match="already decided"):
        return_approve(application_id=application.pk, user=department_manager, reason="x")
    assert OrderEvent.objects.filter(order=order, action="return_refused").exists()


def test_r17_production_problem_return_carries_its_complaint_report(order, department_manager, qc):
    with pytest.raises(ActionRefused, match="complaint handling report"):
        apply_return(order, production_problem=True)
    complaint = analysed_complaint(order, leader=department_manager, qc=qc)
    application = apply_return(order, production_problem=True, complaint_id=complaint.pk)
    assert application.complaint == complaint


def test_r17_application_lists_goods(order):
    with pytest.raises(ActionRefused, match="List the goods"):
        apply_return(order, lines=[{"style_no": "X", "colour": "Red", "quantity": 0}])


# ---- the notice to ship ---------------------------------------------------------------------


def test_r17_customer_told_to_ship_only_after_approval(
    order, department_manager, merchandiser, django_capture_on_commit_callbacks
):
    application = apply_return(order)
    with pytest.raises(ActionRefused, match="only after the return is approved"):
        return_notify_customer(application_id=application.pk, user=merchandiser)
    return_approve(application_id=application.pk, user=department_manager)
    with django_capture_on_commit_callbacks(execute=True):
        document = return_notify_customer(application_id=application.pk, user=merchandiser)
    assert document.form_code == "F-RET-001"
    assert document.recipient_email == "eva@nordic.example"
    assert document.recipient_language == "en"
    application.refresh_from_db()
    assert application.customer_notified_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["eva@nordic.example"]
    assert OrderEvent.objects.filter(order=order, action="return_customer_notified").exists()


# ---- unannounced goods ----------------------------------------------------------------------


def test_r17_goods_without_an_approved_application_are_refused_and_recorded(
    order, warehouse, department_manager
):
    application = apply_return(order)
    line = application.lines.get()
    with pytest.raises(ActionRefused, match="not approved"):
        return_receive(application_id=application.pk, user=warehouse, received={line.pk: 20})
    arrival = unannounced_arrival_record(
        order_id=order.pk,
        user=warehouse,
        application_id=application.pk,
        goods="2 cartons navy shirts",
        quantity=20,
        waybill="SF 998877",
        decision=ArrivalDecision.REFUSED,
        reason="No approved return application",
    )
    assert arrival.decided_by == warehouse
    assert arrival.application == application
    event = OrderEvent.objects.get(order=order, action="unannounced_arrival")
    assert event.actor == warehouse
    assert "SF 998877" in event.text
    assert "No approved return application" in event.text


def test_r17_only_a_leader_accepts_unannounced_goods(order, warehouse, department_manager):
    with pytest.raises(ActionRefused, match="Only a leader accepts"):
        unannounced_arrival_record(
            order_id=order.pk,
            user=warehouse,
            goods="1 carton",
            decision=ArrivalDecision.ACCEPTED,
            reason="Looks fine",
        )
    arrival = unannounced_arrival_record(
        order_id=order.pk,
        user=department_manager,
        goods="1 carton",
        decision=ArrivalDecision.ACCEPTED,
        reason="Customer called; exception",
    )
    assert arrival.decision == ArrivalDecision.ACCEPTED
    assert UnannouncedArrival.objects.count() == 1


# ---- receipt, sign-offs, return note ---------------------------------------------------------


def test_r17_receipt_records_the_differences(order, department_manager, warehouse):
    application = apply_return(
        order,
        lines=[
            {"style_no": "ST-100", "colour": "Navy", "size": "M", "quantity": 20},
            {"style_no": "ST-100", "colour": "Navy", "size": "L", "quantity": 10},
        ],
    )
    return_approve(application_id=application.pk, user=department_manager)
    m, large = application.lines.all()
    with pytest.raises(ActionRefused, match="Only the warehouse"):
        return_receive(
            application_id=application.pk, user=department_manager, received={m.pk: 1, large.pk: 1}
        )
    application = return_receive(
        application_id=application.pk,
        user=warehouse,
        received={m.pk: 18, large.pk: 10},
        differences="3 pcs of style ST-200 in the cartons",
    )
    assert application.status == ReturnStatus.RECEIVED
    assert "M: -2" in application.receipt_differences
    assert "ST-200" in application.receipt_differences
    m.refresh_from_db()
    assert m.received_quantity == 18


def test_r17_sign_offs_in_order_each_recorded(order, department_manager, warehouse, signers):
    application = received_return(order, leader=department_manager, warehouse=warehouse)
    with pytest.raises(ActionRefused, match="Out of order"):
        return_sign_off(
            application_id=application.pk, user=signers["finance"], step=SignOffStep.FINANCE
        )
    with pytest.raises(ActionRefused, match="Out of order"):
        return_sign_off(
            application_id=application.pk,
            user=signers["warehouse_head"],
            step=SignOffStep.WAREHOUSE_HEAD,
        )
    sign_all(application, signers)
    sign_offs = list(ReturnSignOff.objects.filter(application=application).order_by("id"))
    assert [s.step for s in sign_offs] == list(SignOffStep)
    assert [s.signed_by for s in sign_offs] == [signers[step] for step in SignOffStep]
    assert all(s.signed_at for s in sign_offs)
    application.refresh_from_db()
    assert application.status == ReturnStatus.SIGNED_OFF
    assert OrderEvent.objects.filter(order=order, action="return_signed").count() == 5


def test_r17_each_sign_off_by_its_role(order, department_manager, warehouse, signers):
    application = received_return(order, leader=department_manager, warehouse=warehouse)
    with pytest.raises(ActionRefused, match="may not sign"):
        return_sign_off(
            application_id=application.pk, user=department_manager, step="warehouse_keeper"
        )
    return_sign_off(application_id=application.pk, user=warehouse, step="warehouse_keeper")
    # A plain warehouse user is not the head; nor is the keeper who just signed.
    with pytest.raises(ActionRefused, match="may not sign"):
        return_sign_off(application_id=application.pk, user=warehouse, step="warehouse_head")
    head_who_kept = make_warehouse_head()
    ReturnSignOff.objects.filter(application=application).update(signed_by=head_who_kept)
    with pytest.raises(ActionRefused, match="someone other than the keeper"):
        return_sign_off(application_id=application.pk, user=head_who_kept, step="warehouse_head")
    return_sign_off(
        application_id=application.pk, user=signers["warehouse_head"], step="warehouse_head"
    )
    with pytest.raises(ActionRefused, match="may not sign"):
        return_sign_off(application_id=application.pk, user=warehouse, step="sales_admin")


def test_r17_finance_issues_the_return_note_after_every_sign_off(
    order, department_manager, warehouse, signers, finance, merchandiser
):
    application = received_return(order, leader=department_manager, warehouse=warehouse)
    with pytest.raises(ActionRefused, match="only after every sign-off"):
        return_note_issue(application_id=application.pk, user=finance)
    with pytest.raises(ActionRefused, match="finance has not issued the return note"):
        return_note_send(application_id=application.pk, user=merchandiser)
    sign_all(application, signers)
    with pytest.raises(ActionRefused, match="Only finance"):
        return_note_issue(application_id=application.pk, user=department_manager)
    application = return_note_issue(application_id=application.pk, user=finance)
    assert application.status == ReturnStatus.CLOSED
    assert application.note_number.startswith("RN-")
    assert application.note_issued_by == finance
    document = return_note_send(application_id=application.pk, user=merchandiser)
    assert document.form_code == "F-RET-002"
    assert SentDocument.objects.filter(order=order, form_code="F-RET-002").count() == 1
    assert OrderEvent.objects.filter(order=order, action="return_note_issued").exists()
