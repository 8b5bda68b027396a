"""R31: invoices issued three times a month and their receipt confirmed — at each cut-off of the
admin's schedule a customer's unsent commercial invoices are drawn up into one run, finance
sends them together, the customer confirms their receipt through the signed link (or finance
records it), and an unconfirmed run is chased."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from orders.choices import Stage
from orders.documents import links
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.models import SentDocument
from orders.services.common import ActionRefused
from shipping.statements.choices import InvoiceRunEvent, InvoiceRunStatus
from shipping.statements.invoice_runs import (
    invoice_run_generate,
    invoice_run_record_receipt,
    invoice_run_send,
    invoice_runs_for,
)
from shipping.statements.models import InvoiceRun, InvoicingPolicy
from shipping.statements.reminders import r31_invoice_run_items
from tests.factories import make_order
from tests.form_filler import PDF
from tests.outbox import mark_sent
from tests.shipping.conftest import at_stage, issue_invoice

pytestmark = pytest.mark.django_db


def _cutoff() -> date:
    """The last cut-off before today: the month fixture's invoices are all before it."""
    return InvoicingPolicy.current().last_closed_cutoff(timezone.localdate())


def _drawn(month, finance) -> InvoiceRun:
    return invoice_run_generate(customer=month.customer, cutoff=_cutoff(), user=finance)


def _sent(month, finance) -> tuple[InvoiceRun, str]:
    run = invoice_run_send(run_id=_drawn(month, finance).pk, user=finance)
    document = SentDocument.objects.get(form_code="F-INV-001", object_id=run.pk)
    mark_sent(document.outbox_id)
    return run, reverse("documents:public", args=[links.make_token(document)])


def test_r31_three_cutoffs_a_month_as_the_admin_sets_them():
    policy = InvoicingPolicy.current()
    assert (policy.first_cutoff, policy.second_cutoff) == (10, 20)
    assert policy.cutoffs(date(2028, 2, 5)) == [
        date(2028, 2, 10),
        date(2028, 2, 20),
        date(2028, 2, 29),
    ]
    assert policy.window(date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 10))
    assert policy.window(date(2028, 2, 11)) == (date(2028, 2, 11), date(2028, 2, 20))
    assert policy.window(date(2028, 2, 21)) == (date(2028, 2, 21), date(2028, 2, 29))
    assert policy.last_closed_cutoff(date(2028, 3, 3)) == date(2028, 2, 29)
    assert policy.last_closed_cutoff(date(2028, 3, 15)) == date(2028, 3, 10)
    policy.first_cutoff, policy.second_cutoff = 15, 5
    with pytest.raises(ValidationError):
        policy.full_clean()


def test_r31_the_scheduled_pass_draws_up_each_customers_unsent_invoices_once(month):
    today = timezone.localdate()
    assert invoice_runs_for(today) == 1
    (run,) = InvoiceRun.objects.all()
    assert run.cutoff == _cutoff() and run.generated_by is None
    assert {line.number for line in run.lines.all()} == {"CI-OLD", "CI-NEW", "CI-EUR"}
    amounts = {line.number: line.amount for line in run.lines.all()}
    assert amounts == {
        "CI-OLD": Decimal("1650.00"),
        "CI-NEW": Decimal("4125.00"),
        "CI-EUR": Decimal("999.00"),
    }
    assert [(t.currency, t.amount) for t in run.totals()] == [
        ("EUR", Decimal("999.00")),
        ("USD", Decimal("5775.00")),
    ]
    assert invoice_runs_for(today) == 0
    assert run.records.get().action == InvoiceRunEvent.GENERATED


def test_r31_an_invoice_goes_out_in_one_run_only(month, finance, merchandiser):
    first_cutoff = InvoicingPolicy.current().cutoffs(month.period)[0]
    run = invoice_run_generate(customer=month.customer, cutoff=first_cutoff, user=finance)
    invoice_run_send(run_id=run.pk, user=finance)
    assert run.lines.count() == 3
    # Issued late with a date of the sent run's window: it goes with the next run.
    late = at_stage(make_order(merchandiser=merchandiser, customer=month.customer), Stage.SHIPPING)
    issue_invoice(late, "CI-LATE", issued_on=month.period + timedelta(days=2))
    following = invoice_run_generate(customer=month.customer, cutoff=_cutoff(), user=finance)
    assert [line.number for line in following.lines.all()] == ["CI-LATE"]
    assert run.lines.count() == 3


def test_r31_only_finance_draws_up_sends_and_records_the_receipt(
    month, finance, merchandiser, department_manager
):
    for user in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="finance"):
            invoice_run_generate(customer=month.customer, cutoff=_cutoff(), user=user)
    run = _drawn(month, finance)
    for user in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="finance"):
            invoice_run_send(run_id=run.pk, user=user)
    assert InvoiceRun.objects.get(pk=run.pk).status == InvoiceRunStatus.DRAFT
    run = invoice_run_send(run_id=run.pk, user=finance)
    for user in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="finance"):
            invoice_run_record_receipt(
                run_id=run.pk, user=user, name="陳小姐", received_on=timezone.localdate()
            )
    assert InvoiceRun.objects.get(pk=run.pk).status == InvoiceRunStatus.SENT


def test_r31_a_cutoff_is_one_of_the_schedule_and_has_come(month, finance):
    cutoff = _cutoff()
    with pytest.raises(ActionRefused, match="not a cut-off"):
        invoice_run_generate(customer=month.customer, cutoff=cutoff.replace(day=3), user=finance)
    other = month.customer.__class__.objects.create(name="Nothing invoiced Ltd")
    with pytest.raises(ActionRefused, match="No invoice"):
        invoice_run_generate(customer=other, cutoff=cutoff, user=finance)


def test_r31_invoices_sent_together_and_the_receipt_confirmed_through_the_link(
    client, month, finance
):
    run, url = _sent(month, finance)
    assert run.status == InvoiceRunStatus.SENT and run.sent_by == finance
    document = SentDocument.objects.get(form_code="F-INV-001", object_id=run.pk)
    assert (document.recipient_email, document.recipient_language) == (
        "chen@north.example",
        "zh-hant",
    )
    page = client.get(url)
    # The answer form, in the customer's language.
    assert page.status_code == 200 and "我們已收到發票" in page.content.decode()
    client.post(url, {"name": "陳小姐", "comment": "All three received"})
    run = InvoiceRun.objects.get(pk=run.pk)
    assert run.status == InvoiceRunStatus.RECEIVED
    assert (run.received_by_name, run.receipt_comment) == ("陳小姐", "All three received")
    assert run.records.last().action == InvoiceRunEvent.RECEIVED
    assert "record_receipt" in {
        t.name for t in InvoiceRun(status=InvoiceRunStatus.SENT).get_all_status_transitions()
    }
    assert "confirm_receipt" not in {
        t.name for t in run.get_available_user_status_transitions(finance)
    }


def test_r31_finance_records_a_receipt_given_by_mail_or_on_paper_through_the_page(
    client, month, finance
):
    run, _url = _sent(month, finance)
    client.force_login(finance)
    assert "Record the customer's receipt" in client.get(run.get_absolute_url()).content.decode()
    received_on = timezone.localdate() - timedelta(days=1)
    client.post(
        reverse("statements:run_receipt", args=[run.pk]),
        {
            "name": "陳小姐",
            "received_on": received_on.isoformat(),
            "comment": "Confirmed by e-mail",
            "scan": SimpleUploadedFile("receipt.pdf", PDF),
        },
    )
    run = InvoiceRun.objects.get(pk=run.pk)
    assert run.status == InvoiceRunStatus.RECEIVED
    assert run.receipt_recorded_by == finance
    assert timezone.localtime(run.received_at).date() == received_on
    assert client.get(run.receipt_scan.url).status_code == 200
    with pytest.raises(ActionRefused, match="receipt confirmed"):
        invoice_run_record_receipt(
            run_id=run.pk, user=finance, name="x", received_on=timezone.localdate()
        )


def test_r31_an_unconfirmed_receipt_is_chased_until_confirmed(month, finance):
    run = _drawn(month, finance)
    (item,) = r31_invoice_run_items(timezone.localdate())
    assert "send" in str(item.title) and item.path == run.get_absolute_url()
    run, _url = _sent(month, finance)
    days = InvoicingPolicy.current().receipt_days
    today = timezone.localdate()
    assert r31_invoice_run_items(today) == []
    (item,) = r31_invoice_run_items(today + timedelta(days=days + 2))
    assert item.user_id == finance.pk and item.overdue_days == 2
    assert "receipt" in str(item.title)
    invoice_run_record_receipt(run_id=run.pk, user=finance, name="陳小姐", received_on=today)
    assert r31_invoice_run_items(today + timedelta(days=days + 2)) == []


def test_r31_invoice_run_pages_refuse_the_wrong_role(client, month, finance, merchandiser):
    run = _drawn(month, finance)
    client.force_login(merchandiser)
    assert client.get(reverse("statements:runs")).status_code == 403
    assert client.get(run.get_absolute_url()).status_code == 403
    assert client.post(reverse("statements:run_send", args=[run.pk]), {}).status_code == 403
    assert InvoiceRun.objects.get(pk=run.pk).status == InvoiceRunStatus.DRAFT
    client.force_login(finance)
    page = client.get(reverse("statements:runs")).content.decode()
    assert run.label in page and "Draw up an invoice run" in page
    client.post(reverse("statements:run_send", args=[run.pk]), {"comment": ""})
    assert InvoiceRun.objects.get(pk=run.pk).status == InvoiceRunStatus.SENT


def test_r31_finance_draws_up_a_run_on_demand_through_the_page(client, month, finance):
    client.force_login(finance)
    client.post(
        reverse("statements:run_generate"),
        {"customer": month.customer.pk, "cutoff": _cutoff().isoformat()},
    )
    assert InvoiceRun.objects.filter(customer=month.customer, cutoff=_cutoff()).exists()


@pytest.mark.parametrize(
    "language,title",
    [("en", "INVOICES SENT"), ("zh-hant", "發票寄送清單"), ("zh-hans", "发票寄送清单")],
)
def test_r31_invoice_run_pdf_in_three_languages(month, finance, language, title):
    run = _drawn(month, finance)
    data = render_pdf(get_form("F-INV-001"), run, language)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert title in text and run.label in text and "北方貿易有限公司" in text
    for figure in ("CI-OLD", "CI-NEW", "CI-EUR", "4,125.00", "5,775.00", "999.00"):
        assert figure in text
