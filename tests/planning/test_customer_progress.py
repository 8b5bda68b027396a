"""Production progress to the customer (seed 000 §5.11.3): the report (F-PROG-001) as a PDF in
the customer's language, on demand or every week for chosen orders, and the signed, expiring
read-only status link its mail carries."""

import io
from datetime import date, timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from freezegun import freeze_time
from pypdf import PdfReader

from orders.choices import Language, Stage
from orders.documents import delivery
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.models import CustomerContact, CustomerProgressSubscription, Order, ProcessStep
from orders.outbox.tasks import deliver_outbox
from orders.planning import customer_status
from orders.planning.progress_report import (
    progress_weekly_start,
    progress_weekly_stop,
    send_due_progress_reports,
)
from orders.services.common import ActionRefused
from orders.services.planning import plan_build
from orders.services.progress import progress_report
from orders.templatetags.gendan import person, without_rule_code
from shipping.choices import InspectionKind, InspectorParty
from shipping.services import inspection_book, inspection_report_record
from tests.factories import fresh, make_order

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def order(merchandiser, qc):
    order = make_order(merchandiser=merchandiser, po_number="SUN-5501")
    customer = order.customer
    customer.language = Language.SIMPLIFIED_CHINESE
    customer.save()
    CustomerContact.objects.create(customer=customer, name="王小姐", email="wang@sun.example")
    Order.objects.filter(pk=order.pk).update(stage=Stage.IN_PRODUCTION)
    order = fresh(order)
    plan_build(order=order, user=merchandiser)
    sewing = ProcessStep.objects.filter(active=True).order_by("position").first()
    progress_report(order_id=order.pk, user=merchandiser, step_id=sewing.pk, quantity_done=250)
    booking = inspection_book(
        order_id=order.pk,
        user=qc,
        kind=InspectionKind.INLINE,
        party=InspectorParty.OWN_QC,
        planned_date=date.today(),
    )
    inspection_report_record(
        booking_id=booking.pk,
        user=qc,
        inspected_on=date.today(),
        quantity_presented=300,
        defects_found={"critical": 0, "major": 0, "minor": 1},
    )
    return fresh(order)


def test_report_prints_order_progress_plan_and_inspections_in_the_customers_language(order):
    text = text_of(render_pdf(get_form("F-PROG-001"), order, "zh-hans"))
    step = ProcessStep.objects.filter(active=True).order_by("position").first()
    milestone = order.milestones.order_by("position").first()
    with translation.override("zh-hans"):
        labels = [_("Production progress by process step"), str(step.label), _("Inspections")]
        labels += [str(InspectionKind.INLINE.label), without_rule_code(milestone.label)]
    assert order.po_number in text and "250" in text
    assert all(label in text for label in labels), labels
    assert milestone.planned_date.strftime("%Y-%m-%d") in text
    assert "R13" not in text  # our rule references stay in the office


def test_report_goes_to_the_customer_with_its_status_link(order, merchandiser):
    from orders.documents.services import document_send

    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-PROG-001", obj=order, user=merchandiser)
    assert (document.recipient_email, document.recipient_language) == (
        "wang@sun.example",
        "zh-hans",
    )
    body = delivery.build_message(document, b"%PDF-").body
    assert "/documents/s/" in body


def test_report_waits_for_the_contract_review(merchandiser):
    from orders.documents.services import document_send

    early = make_order(merchandiser=merchandiser)
    with pytest.raises(ActionRefused, match="R10"):
        document_send(spec_code="F-PROG-001", obj=early, user=merchandiser)


def status_page(client, order, token=None):
    token = token or customer_status.make_token(order)
    return client.get(reverse("documents:customer_status", args=[token]))


def test_status_link_opens_without_an_account_read_only_in_the_customers_language(client, order):
    response = status_page(client, order)
    assert response.status_code == 200
    page = response.content.decode()
    assert order.po_number in page and 'lang="zh-hans"' in page
    assert "<form" not in page  # read-only
    assert person(order.merchandiser) in page  # whom to ask


def test_status_link_expires(client, order, settings):
    with freeze_time(timezone.now() - timedelta(days=settings.GENDAN_STATUS_LINK_DAYS, hours=1)):
        token = customer_status.make_token(order)
    response = status_page(client, order, token)
    assert response.status_code == 410
    assert order.po_number not in response.content.decode()


def test_tampered_status_link_is_refused(client, order):
    token = customer_status.make_token(order)
    assert status_page(client, order, token[:-3] + "abc").status_code == 400
    other = customer_status.signing.dumps({"o": order.pk, "p": order.po_number}, salt="other")
    assert status_page(client, order, other).status_code == 400


def test_status_link_of_a_renumbered_order_finds_nothing(client, order):
    token = customer_status.make_token(order)
    Order.objects.filter(pk=order.pk).update(po_number="SUN-9999")
    assert status_page(client, order, token).status_code == 404


def test_weekly_report_is_sent_once_a_week_until_stopped(order, merchandiser):
    today = timezone.localdate()
    progress_weekly_start(order_id=order.pk, user=merchandiser)
    with mock.patch("orders.planning.progress_report.document_send") as send:
        assert send_due_progress_reports(today=today) == 1
        assert send_due_progress_reports(today=today) == 0  # claimed: not twice the same week
        assert send_due_progress_reports(today=today + timedelta(days=6)) == 0
        assert send_due_progress_reports(today=today + timedelta(days=7)) == 1
    assert send.call_count == 2
    assert send.call_args.kwargs == {
        "spec_code": "F-PROG-001",
        "obj": mock.ANY,
        "user": order.merchandiser,
    }
    progress_weekly_stop(order_id=order.pk, user=merchandiser)
    assert not CustomerProgressSubscription.objects.exists()


def test_weekly_report_really_mails_the_customer(order, merchandiser):
    progress_weekly_start(order_id=order.pk, user=merchandiser)
    with mock.patch.object(deliver_outbox, "apply_async"):
        assert send_due_progress_reports() == 1
    assert order.sent_documents.get().form_code == "F-PROG-001"


def test_a_shipped_order_drops_off_the_weekly_list(order, merchandiser):
    progress_weekly_start(order_id=order.pk, user=merchandiser)
    Order.objects.filter(pk=order.pk).update(stage=Stage.SETTLED)
    assert send_due_progress_reports() == 0
    assert not CustomerProgressSubscription.objects.exists()


def test_merchandiser_starts_the_weekly_report_on_the_order_page(client, order, merchandiser):
    client.force_login(merchandiser)
    client.post(reverse("orders:progress_weekly", args=[order.pk]), {"weekly": "on"})
    assert CustomerProgressSubscription.objects.filter(order=order).exists()
    page = client.get(order.get_absolute_url()).content.decode()
    assert reverse("documents:preview_pdf", args=["F-PROG-001", order.pk]) in page
