"""Each form declares who may send it and when; the one send path refuses it too early, naming
what is missing, for every form (the generic button and each app's own action alike)."""

from datetime import date
from unittest import mock

import pytest
from django.urls import reverse

from complaints.services import complaint_approve, return_approve, return_refuse
from orders.choices import Stage
from orders.documents.registry import all_forms
from orders.documents.services import document_send
from orders.models import CustomerContact, SentDocument
from orders.outbox.tasks import deliver_outbox
from orders.roles import Role
from orders.services.common import ActionRefused
from samples.choices import LetterLayout
from samples.services import comment_letter_create, comment_letter_sign, sample_check_record
from shipping.choices import FailureDecision
from shipping.models import InspectionCertificate
from shipping.services import (
    failure_decide,
    guarantee_letter_create,
    packing_list_generate,
    shipping_marks_confirm,
    shipping_marks_save,
)
from shipping.services.dispatch import dispatch_create
from tests.complaints.builders import apply_return, file_complaint
from tests.factories import fresh, make_order, make_sample, make_user
from tests.shipping.conftest import at_stage, book_final, issue_invoice, record
from tests.suppliers.builders import make_booking, make_trim

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mail():
    with mock.patch.object(deliver_outbox, "apply_async"):
        yield


@pytest.fixture
def customer_contact(order):
    return CustomerContact.objects.create(
        customer=order.customer, name="Ms Wong", email="wong@customer.example"
    )


def refused(code, obj, user, *expected):
    with pytest.raises(ActionRefused) as refusal:
        document_send(spec_code=code, obj=obj, user=user)
    message = str(refusal.value)
    assert message.startswith(code), message
    for text in expected:
        assert text in message
    assert not SentDocument.objects.filter(form_code=code).exists()
    return message


def sends(code, obj, user, **kwargs) -> SentDocument:
    return document_send(spec_code=code, obj=obj, user=user, **kwargs)


def test_every_registered_form_is_covered_here():
    covered = {
        "F-ORD-001",
        "F-TRIM-001",
        "F-FAB-001",
        "F-PMER-001",
        "F-PMER-004",
        "TAG-APPROVAL",
        "F-PMER-003",
        "F-PMER-002",
        "SHP-PL",
        "SHP-CI",
        "SHP-DN",
        "F-CMP-001",
        "F-RET-001",
        "F-RET-002",
    }
    registered = {spec.code for spec in all_forms()}
    # tested in their own modules
    assert registered - covered <= {
        *("F-PROG-001", "F-CFB-001", "F-CHG-001", "F-QT-001"),
        *("F-ORD-002", "F-ORD-003"),  # tests/intake
        "F-STM-001",  # tests/statements
        "F-INV-001",  # tests/statements/test_r31_invoice_runs.py
    }


def test_production_order_waits_for_the_contract_review(merchandiser, factory_hant):
    order = make_order(merchandiser=merchandiser, factory=factory_hant)
    refused("F-ORD-001", order, merchandiser, "the contract review is not approved (R10)")
    approved = at_stage(order, Stage.APPROVED)
    assert sends("F-ORD-001", approved, merchandiser).version == 1


def test_production_order_not_sent_for_a_held_order(order, merchandiser):
    held = fresh(order)
    type(held).objects.filter(pk=held.pk).update(stage=Stage.ON_HOLD, held_from=Stage.APPROVED)
    refused("F-ORD-001", fresh(order), merchandiser, "on hold or cancelled")


def test_trim_list_waits_for_trims(order, merchandiser):
    refused("F-TRIM-001", order, merchandiser, "the order has no trims to list")
    make_trim(order)
    assert sends("F-TRIM-001", order, merchandiser).form_code == "F-TRIM-001"


def test_r2_fabric_booking_waits_for_the_group_heads_signature(order, merchandiser):
    from suppliers.services import fabric_booking_sign

    booking = make_booking(order)
    refused("F-FAB-001", booking, merchandiser, "the group head has not signed the fabric booking")
    manager = make_user(Role.DEPARTMENT_MANAGER)
    fabric_booking_sign(booking_id=booking.pk, user=manager)
    booking.refresh_from_db()
    assert sends("F-FAB-001", booking, merchandiser)


@pytest.mark.parametrize("layout", [LetterLayout.HOUSE, LetterLayout.CUSTOMER])
def test_r4_comment_letter_waits_for_the_group_heads_signature(order, merchandiser, layout):
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    letter = comment_letter_create(sample_id=sample.pk, user=merchandiser, layout=layout)
    message = refused(layout.value, letter, merchandiser, "has not signed the letter (R4)")
    assert "may NOT" not in message
    comment_letter_sign(letter=letter, user=make_user(Role.DEPARTMENT_MANAGER))
    letter.refresh_from_db()
    assert sends(layout.value, letter, merchandiser).recipient_email == order.factory.email


def test_r4_unsigned_letter_refused_through_the_generic_send_button(client, order, merchandiser):
    """The hole of the first version: documents:send only asked whether the user may edit."""
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    letter = comment_letter_create(sample_id=sample.pk, user=merchandiser)
    client.force_login(merchandiser)
    response = client.post(
        reverse("documents:send", args=["F-PMER-004", letter.pk]), {"lang": "zh-hant"}, follow=True
    )
    assert "the group head has not signed the letter (R4)" in response.content.decode()
    assert not SentDocument.objects.exists()


def test_approval_tag_waits_for_the_approval(order, merchandiser):
    from samples.services import sample_decide

    sample = make_sample(order)
    refused("TAG-APPROVAL", sample, merchandiser, "the sample is not approved")
    sample_decide(sample_id=sample.pk, user=merchandiser, approved=True)
    sample.refresh_from_db()
    assert sends("TAG-APPROVAL", sample, merchandiser)


@pytest.fixture
def failed_report(order, qc):
    return record(book_final(at_stage(order, Stage.INSPECTION), qc), qc, major=9)


def test_r7_lg_letter_only_for_a_shipment_decided_under_lg(
    order, failed_report, department_manager, merchandiser
):
    failure_decide(
        report_id=failed_report.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    letter = guarantee_letter_create(
        report_id=failed_report.pk, user=merchandiser, factory_responsible="陳廠長"
    )
    # The decision cannot be undone through the site; were it changed, the letter stays home.
    type(failed_report.resolution).objects.filter(report=failed_report).update(
        decision=FailureDecision.REWORK
    )
    letter.report.refresh_from_db()
    refused("F-PMER-003", letter, merchandiser, "has not decided to ship under L/G (R7)")
    qc_user = make_user(Role.QC)
    with pytest.raises(ActionRefused, match="Only the order's merchandisers"):
        document_send(spec_code="F-PMER-003", obj=letter, user=qc_user)


def test_r7_certificate_only_for_a_passed_inspection_or_an_approved_lg(
    order, failed_report, merchandiser, customer_contact
):
    # A certificate of a failed inspection without an approved L/G is never issued by the
    # services; the send rule is the last guard should one exist.
    certificate = InspectionCertificate.objects.create(
        order=order, report=failed_report, number="IC-EARLY", issued_by=merchandiser
    )
    refused("F-PMER-002", certificate, merchandiser, "the inspection did not pass")


def test_r7_certificate_of_a_passed_inspection_goes_to_the_customer(
    order, qc, merchandiser, customer_contact
):
    passed = record(book_final(at_stage(order, Stage.INSPECTION), qc), qc)
    document = sends("F-PMER-002", passed.certificate, merchandiser)
    assert (document.recipient_email, document.recipient_language) == (
        "wong@customer.example",
        order.customer.language,
    )


def test_r23_packing_list_waits_for_the_customers_marks(order, merchandiser, customer_contact):
    order = at_stage(order, Stage.SHIPPING)
    shipping_marks_save(order_id=order.pk, user=merchandiser, main_marks="ACME / HK")
    packing_list = packing_list_generate(
        order_id=order.pk,
        user=merchandiser,
        pieces_per_carton=24,
        net_weight_per_piece_kg="0.25",
        carton_weight_kg="1.2",
        carton_length_cm="60",
        carton_width_cm="40",
        carton_height_cm="30",
    )
    refused("SHP-PL", packing_list, merchandiser, "has not confirmed the shipping marks (R23)")
    shipping_marks_confirm(
        order_id=order.pk, user=merchandiser, confirmed_on=date.today(), confirmed_by="Ms Wong"
    )
    packing_list.refresh_from_db()
    assert sends("SHP-PL", packing_list, merchandiser).recipient_email == "wong@customer.example"


def test_commercial_invoice_waits_for_the_shipment_clearance(order, merchandiser, customer_contact):
    inspecting = at_stage(order, Stage.INSPECTION)
    invoice = issue_invoice(inspecting, "CI-1")
    refused("SHP-CI", invoice, merchandiser, "not cleared for shipment")
    at_stage(order, Stage.SHIPPING)
    invoice.refresh_from_db()
    assert sends("SHP-CI", invoice, merchandiser)


def test_r15_delivery_note_waits_for_the_goods_to_leave(order, merchandiser, customer_contact):
    shipping = at_stage(order, Stage.SHIPPING)
    line = shipping.lines.first()
    dispatch = dispatch_create(
        order_id=shipping.pk,
        user=merchandiser,
        lines=[{"order_line_id": line.pk, "quantity": line.quantity, "cartons": 10}],
    )
    refused("SHP-DN", dispatch, merchandiser, "have not left with a waybill yet (R15)")


def test_r16_complaint_report_waits_for_a_leaders_approval(order, merchandiser, department_manager):
    complaint = file_complaint(order)
    refused("F-CMP-001", complaint, merchandiser, "a leader has not approved the report (R16)")
    complaint_approve(complaint_id=complaint.pk, user=department_manager)
    complaint.refresh_from_db()
    assert sends("F-CMP-001", complaint, merchandiser).recipient_email == order.factory.email


def test_r17_return_application_goes_back_only_approved(
    order, merchandiser, department_manager, customer_contact
):
    application = apply_return(order)
    refused("F-RET-001", application, merchandiser, "the return is not approved (R17)")
    return_refuse(application_id=application.pk, user=department_manager, reason="Late")
    application.refresh_from_db()
    refused("F-RET-001", application, merchandiser, "the return is not approved (R17)")
    second = apply_return(order)
    return_approve(application_id=second.pk, user=department_manager, reason="ok")
    second.refresh_from_db()
    assert sends("F-RET-001", second, merchandiser)


def test_r17_return_note_waits_for_finance(order, merchandiser, department_manager):
    application = apply_return(order)
    return_approve(application_id=application.pk, user=department_manager, reason="ok")
    application.refresh_from_db()
    refused("F-RET-002", application, merchandiser, "finance has not issued the return note (R17)")


def test_the_order_page_says_why_a_form_cannot_go_yet(client, merchandiser, factory_hant):
    order = make_order(merchandiser=merchandiser, factory=factory_hant)
    client.force_login(merchandiser)
    html = client.get(order.get_absolute_url()).content.decode()
    assert "the contract review is not approved (R10)" in html
    assert reverse("documents:send", args=["F-ORD-001", order.pk]) not in html


def test_refusal_is_translated(order, merchandiser):
    from django.utils import translation

    with translation.override("zh-hant"), pytest.raises(ActionRefused) as refusal:
        document_send(spec_code="F-TRIM-001", obj=order, user=merchandiser)
    message = str(refusal.value)
    assert "F-TRIM-001" in message and "trims" not in message


def test_sender_may_choose_another_language(order, merchandiser):
    document = sends("F-ORD-001", order, merchandiser, language="en")
    assert document.recipient_language == "en"
