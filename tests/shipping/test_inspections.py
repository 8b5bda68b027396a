"""Inspections: R12 booking deadlines, the AQL verdict, R7's decision and the L/G letter."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from freezegun import freeze_time

from orders.services.common import ActionRefused
from shipping import rules
from shipping.choices import DefectClass, FailureDecision, InspectionKind, InspectorParty, Verdict
from shipping.models import InspectionCertificate
from shipping.services import (
    failure_decide,
    guarantee_letter_approve,
    guarantee_letter_create,
    guarantee_letter_record_signature,
)
from tests.shipping.conftest import book_final, record

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%signed\n"


@pytest.mark.parametrize(
    ("party", "days"),
    [(InspectorParty.OWN_QC, 7), (InspectorParty.CUSTOMER, 7), (InspectorParty.THIRD_PARTY, 14)],
)
def test_r12_booking_deadline_per_inspector(order, party, days):
    assert rules.booking_deadline(order, party) == order.ex_factory_date - timedelta(days=days)


def test_r12_booking_after_the_deadline_is_flagged_late(order, qc):
    deadline = rules.booking_deadline(order, InspectorParty.THIRD_PARTY)
    with freeze_time(deadline + timedelta(days=1)):
        late = book_final(order, qc, party=InspectorParty.THIRD_PARTY, inspection_company="SGS")
    with freeze_time(deadline):
        on_time = book_final(order, qc, party=InspectorParty.THIRD_PARTY)
    assert late.booked_late
    assert not on_time.booked_late
    assert "R12" in order.events.filter(action__endswith="_inspection_booked").first().text


def test_r12_missing_final_booking_flagged_after_the_deadline(order, qc):
    deadline = rules.booking_deadline(order, InspectorParty.OWN_QC)
    assert not rules.final_booking_overdue(order, today=deadline)
    assert rules.final_booking_overdue(order, today=deadline + timedelta(days=1))
    book_final(order, qc)
    assert not rules.final_booking_overdue(order, today=deadline + timedelta(days=1))


def test_booking_refused_for_finance_and_bad_aql(order, finance, qc):
    with pytest.raises(ActionRefused):
        book_final(order, finance)
    with pytest.raises(ActionRefused):
        book_final(order, qc, aql_major="3.0")


@pytest.mark.parametrize(
    ("major", "minor", "critical", "verdict"),
    [
        (5, 7, 0, Verdict.PASS),  # at Ac for both
        (6, 0, 0, Verdict.FAIL),  # major at Re
        (0, 8, 0, Verdict.FAIL),  # minor at Re
        (0, 0, 1, Verdict.FAIL),  # one critical defect
    ],
)
def test_verdict_at_the_accept_reject_boundaries(order, qc, major, minor, critical, verdict):
    report = record(book_final(order, qc), qc, major=major, minor=minor, critical=critical)
    assert report.verdict == verdict
    counts = {count.defect_class: count for count in report.counts.all()}
    assert (counts["major"].code_letter, counts["major"].sample_size) == ("J", 80)
    assert (counts["major"].accept, counts["major"].reject) == (5, 6)
    assert (counts["minor"].accept, counts["minor"].reject) == (7, 8)
    # critical at 0.010: arrow to Q (1 250 pcs) > lot of 1 000 → the whole lot
    assert (counts["critical"].code_letter, counts["critical"].sample_size) == ("Q", 1000)


def test_only_qc_records_reports_and_once(order, qc, merchandiser):
    booking = book_final(order, qc)
    with pytest.raises(ActionRefused):
        record(booking, merchandiser)
    record(booking, qc)
    with pytest.raises(ActionRefused):
        record(booking, qc)


def test_defects_with_photos_are_kept(order, qc):
    photo = SimpleUploadedFile("stain.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    report = record(
        book_final(order, qc),
        qc,
        major=1,
        defects=[{"defect_class": "major", "description": "Oil stain", "photo": photo}],
    )
    defect = report.defects.get()
    assert defect.description == "Oil stain"
    assert defect.photo.name.startswith("inspections/")


def test_pass_issues_the_inspection_certificate(order, qc):
    report = record(book_final(order, qc), qc)
    certificate = InspectionCertificate.objects.get(report=report)
    assert certificate.guarantee_letter is None
    assert order.events.filter(action="inspection_certificate_issued").exists()


def test_inline_pass_issues_no_certificate(order, qc):
    record(book_final(order, qc, kind=InspectionKind.INLINE), qc)
    assert not InspectionCertificate.objects.exists()


@pytest.fixture
def failed(order, qc):
    return record(book_final(order, qc), qc, major=9, remarks="Broken stitches")


def test_r7_failed_inspection_decided_by_manager_not_by_qc_or_merchandiser(
    failed, qc, merchandiser, department_manager
):
    for user in (qc, merchandiser):
        with pytest.raises(ActionRefused):
            failure_decide(
                report_id=failed.pk, user=user, decision=FailureDecision.SHIP_UNDER_LG, reason="x"
            )
    with pytest.raises(ActionRefused):  # a reason is required
        failure_decide(
            report_id=failed.pk,
            user=department_manager,
            decision=FailureDecision.SHIP_UNDER_LG,
            reason="",
        )


def test_r7_rework_books_a_reinspection(failed, general_manager, qc, order):
    failure_decide(
        report_id=failed.pk,
        user=general_manager,
        decision=FailureDecision.REWORK,
        reason="Repair stitching",
        reinspection_date=order.ex_factory_date,
    )
    reinspection = order.inspection_bookings.get(kind=InspectionKind.REINSPECTION)
    assert reinspection.reinspection_of == failed.booking
    assert not rules.inspection_cleared_for_shipment(order)
    record(reinspection, qc)
    assert rules.inspection_cleared_for_shipment(order)


def test_r7_lg_needs_the_ship_under_lg_decision(failed, merchandiser):
    with pytest.raises(ActionRefused):
        guarantee_letter_create(
            report_id=failed.pk, user=merchandiser, factory_responsible="Mr Chan"
        )


@pytest.fixture
def letter(failed, department_manager, merchandiser):
    failure_decide(
        report_id=failed.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer's date; factory answers for the stitching",
    )
    return guarantee_letter_create(
        report_id=failed.pk, user=merchandiser, factory_responsible="陳廠長"
    )


def test_r7_lg_letter_lists_the_findings_in_the_recipients_language(letter):
    from django.utils import translation

    from orders.documents.registry import get_form
    from orders.documents.render import render_html

    assert letter.number.startswith("LG-") and letter.findings == ""
    html = render_html(get_form("F-PMER-003"), letter, "zh-hant")
    with translation.override("zh-hant"):
        major = str(DefectClass.MAJOR.label)
    assert major != "Major" and major in html
    assert "Broken stitches" in html  # the defect as QC described it
    assert "Major" not in html  # once, in Chinese: no English block written at creation


def test_r7_lg_approval_refused_while_unsigned(letter, department_manager, order):
    with pytest.raises(ActionRefused) as refused:
        guarantee_letter_approve(letter_id=letter.pk, user=department_manager)
    assert "signed" in str(refused.value)
    assert not rules.inspection_cleared_for_shipment(order)


def test_r7_lg_approval_refused_for_qc_and_merchandiser(letter, qc, merchandiser):
    guarantee_letter_record_signature(
        letter_id=letter.pk, user=merchandiser, signed_scan=SimpleUploadedFile("lg.pdf", PDF)
    )
    for user in (qc, merchandiser):
        with pytest.raises(ActionRefused):
            guarantee_letter_approve(letter_id=letter.pk, user=user)


def test_r7_signed_scan_then_manager_approval_clears_shipment(
    letter, merchandiser, general_manager, order
):
    signed = guarantee_letter_record_signature(
        letter_id=letter.pk, user=merchandiser, signed_scan=SimpleUploadedFile("lg.pdf", PDF)
    )
    assert signed.is_signed
    approved = guarantee_letter_approve(letter_id=letter.pk, user=general_manager, comment="ok")
    assert approved.is_approved
    assert rules.inspection_cleared_for_shipment(order)
    certificate = InspectionCertificate.objects.get(report=letter.report)
    assert certificate.guarantee_letter == letter
    actions = set(order.events.values_list("action", flat=True))
    assert {"lg_letter_created", "lg_letter_signed", "lg_shipment_approved"} <= actions
    with pytest.raises(ActionRefused):  # only once
        guarantee_letter_approve(letter_id=letter.pk, user=general_manager)


def test_r7_signature_scan_must_be_a_pdf_or_image(letter, merchandiser):
    with pytest.raises(ActionRefused):
        guarantee_letter_record_signature(
            letter_id=letter.pk,
            user=merchandiser,
            signed_scan=SimpleUploadedFile("lg.pdf", b"not a pdf"),
        )


def test_r7_factory_signature_through_the_forms_link_counts(letter, order, merchandiser):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from orders.documents.choices import DocumentStatus
    from orders.models import OutboxMessage, SentDocument

    SentDocument.objects.create(
        order=order,
        form_code="F-PMER-003",
        content_type=ContentType.objects.get_for_model(letter),
        object_id=letter.pk,
        version=1,
        recipient_name="Factory",
        recipient_email="f@example.com",
        recipient_language="zh-hans",
        outbox=OutboxMessage.objects.create(
            kind="document", key="lg", message_id="<lg@example.com>", state=DocumentStatus.SENT
        ),
        message_id="<lg@example.com>",
        confirmed_at=timezone.now(),
        signed_copy=SimpleUploadedFile("signed.pdf", PDF),
    )
    assert letter.is_signed
