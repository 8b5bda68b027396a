"""R16: the complaint handling report, step by step, with its refusals."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from complaints.choices import ComplaintKind, ComplaintStatus, Fault, Remedy
from complaints.forms import ComplaintForm
from complaints.models import ComplaintAttachment
from complaints.services import (
    complaint_analyse,
    complaint_approve,
    complaint_attach,
    complaint_remedy_shipped,
    complaint_reply,
)
from orders.models import OrderEvent
from orders.services.common import ActionRefused
from tests.complaints.builders import analysed_complaint, file_complaint, pdf, png

pytestmark = pytest.mark.django_db


def test_r16_short_shipment_needs_the_measured_weight(order):
    with pytest.raises(ActionRefused, match="weight the customer measured"):
        file_complaint(order, kind=ComplaintKind.SHORT_SHIPMENT)
    complaint = file_complaint(
        order, kind=ComplaintKind.SHORT_SHIPMENT, measured_weight_kg=Decimal("182.500")
    )
    assert complaint.measured_weight_kg == Decimal("182.500")


def test_r16_weight_is_not_asked_for_other_kinds(order):
    assert file_complaint(order, kind=ComplaintKind.BREAKAGE).measured_weight_kg is None


def test_r16_weight_error_is_translated_on_the_form(order):
    data = {
        "kind": ComplaintKind.SHORT_SHIPMENT,
        "received_on": "2025-01-10",
        "description": "2 cartons missing",
        "quantity_affected": 48,
    }
    with translation.override("zh-hans"):
        form = ComplaintForm(data, order=order)
        assert not form.is_valid()
        assert "measured_weight_kg" in form.errors
    with translation.override("en"):
        form = ComplaintForm(data, order=order)
        form.is_valid()
        assert "weight the customer measured" in form.errors["measured_weight_kg"][0]


def test_r16_steps_in_order(order, department_manager, qc, merchandiser):
    complaint = file_complaint(order)
    assert complaint.status == ComplaintStatus.AWAITING_APPROVAL
    with pytest.raises(ActionRefused, match="Not yet"):
        complaint_analyse(
            complaint_id=complaint.pk, user=qc, cause="c", corrective_action="a", fault="factory"
        )
    with pytest.raises(ActionRefused, match="Not yet"):
        complaint_reply(
            complaint_id=complaint.pk, user=merchandiser, remedy=Remedy.REWORK, reply_text="x"
        )
    complaint_approve(complaint_id=complaint.pk, user=department_manager, comment="Handle now")
    with pytest.raises(ActionRefused, match="Not yet"):
        complaint_reply(
            complaint_id=complaint.pk, user=merchandiser, remedy=Remedy.REWORK, reply_text="x"
        )
    complaint = complaint_analyse(
        complaint_id=complaint.pk,
        user=qc,
        cause="Thread tension",
        corrective_action="Retrain",
        fault=Fault.FACTORY,
    )
    assert complaint.status == ComplaintStatus.AWAITING_REPLY
    with pytest.raises(ActionRefused, match="Not yet"):
        complaint_remedy_shipped(
            complaint_id=complaint.pk, user=merchandiser, shipped_on=date.today()
        )
    complaint = complaint_reply(
        complaint_id=complaint.pk,
        user=merchandiser,
        remedy=Remedy.REPLACEMENT,
        reply_text="We replace 40 pcs",
        reply_document=pdf(),
    )
    assert complaint.status == ComplaintStatus.REMEDY_IN_PROGRESS
    assert complaint.reply_document.name.endswith(".pdf")
    complaint = complaint_remedy_shipped(
        complaint_id=complaint.pk, user=merchandiser, shipped_on=date.today(), reference="DHL 123"
    )
    assert complaint.status == ComplaintStatus.CLOSED
    with pytest.raises(ActionRefused, match="closed"):
        complaint_approve(complaint_id=complaint.pk, user=department_manager)
    actions = set(OrderEvent.objects.filter(order=order).values_list("action", flat=True))
    assert {
        "complaint_filed",
        "complaint_approved",
        "complaint_analysed",
        "complaint_replied",
        "complaint_remedy_shipped",
    } <= actions
    approval = OrderEvent.objects.get(order=order, action="complaint_approved")
    assert approval.actor == department_manager
    assert "Handle now" in approval.comment


def test_r16_only_a_leader_approves(order, merchandiser, qc, general_manager):
    complaint = file_complaint(order)
    for user in (merchandiser, qc):
        with pytest.raises(ActionRefused, match="leader"):
            complaint_approve(complaint_id=complaint.pk, user=user)
    complaint_approve(complaint_id=complaint.pk, user=general_manager)


def test_r16_only_qa_analyses(order, department_manager, merchandiser):
    complaint = file_complaint(order)
    complaint_approve(complaint_id=complaint.pk, user=department_manager)
    with pytest.raises(ActionRefused, match="QA"):
        complaint_analyse(
            complaint_id=complaint.pk,
            user=merchandiser,
            cause="c",
            corrective_action="a",
            fault=Fault.FACTORY,
        )


def test_r16_reply_is_kept_and_a_reply_without_goods_closes(
    order, department_manager, qc, merchandiser
):
    complaint = analysed_complaint(order, leader=department_manager, qc=qc, fault=Fault.NONE)
    with pytest.raises(ActionRefused, match="kept for later returns"):
        complaint_reply(complaint_id=complaint.pk, user=merchandiser, remedy=Remedy.NONE)
    complaint = complaint_reply(
        complaint_id=complaint.pk, user=merchandiser, remedy=Remedy.NONE, reply_text="Not justified"
    )
    assert complaint.status == ComplaintStatus.CLOSED
    assert complaint.reply_text == "Not justified"


def test_photos_and_documents_are_checked_by_content(order, merchandiser):
    complaint = file_complaint(order, photos=[png("broken.png")], documents=[pdf("list.pdf")])
    kinds = sorted(complaint.attachments.values_list("kind", flat=True))
    assert kinds == ["document", "photo"]
    fake = SimpleUploadedFile("virus.png", b"MZ\x90\x00not an image")
    with pytest.raises(ActionRefused, match="JPEG or PNG"):
        complaint_attach(complaint_id=complaint.pk, user=merchandiser, upload=fake)
    with pytest.raises(ActionRefused, match="JPEG or PNG"):
        complaint_attach(complaint_id=complaint.pk, user=merchandiser, upload=pdf(), kind="photo")
    assert ComplaintAttachment.objects.count() == 2


def test_uploads_over_the_size_limit_are_refused(order, merchandiser, settings):
    settings.GENDAN_UPLOAD_MAX_MB = {**settings.GENDAN_UPLOAD_MAX_MB, "photo": 0, "document": 0}
    with pytest.raises(ActionRefused, match="too large"):
        file_complaint(order, photos=[png()])


def test_a_complaint_links_only_its_own_orders_inspection(order, merchandiser, qc):
    from tests.factories import make_order
    from tests.shipping.conftest import book_final, record

    other = make_order(merchandiser=merchandiser)
    report = record(book_final(other, qc), qc)
    with pytest.raises(ActionRefused, match="another order"):
        file_complaint(order, inspection_id=report.pk)
    mine = record(book_final(order, qc), qc)
    assert file_complaint(order, inspection_id=mine.pk).inspection == mine
