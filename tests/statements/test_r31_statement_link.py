"""R31: the customer's signed link states the statement's answer as finance has it — a dispute
awaiting finance, and once resolved what was agreed — in the customer's language, with no form
to answer again; and the link's pages name finance, not a merchandiser, as whom to ask."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from orders.documents import links
from orders.models import SentDocument
from shipping.statements.choices import InvoiceRunStatus, LineKind, StatementStatus
from shipping.statements.invoice_runs import (
    invoice_run_generate,
    invoice_run_record_receipt,
    invoice_run_send,
)
from shipping.statements.models import InvoicingPolicy, Statement
from shipping.statements.services import (
    statement_dispute_on_paper,
    statement_generate,
    statement_resolve,
    statement_send,
)
from tests.form_filler import PDF
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hant", "zh-hans"]

DISPUTED = {
    "en": "陳小姐 disputed this statement on",
    "zh-hant": "陳小姐已於",
    "zh-hans": "陳小姐已于",
}
AWAITING_FINANCE = {
    "en": "there is nothing more to answer here",
    "zh-hant": "財務部正與貴方核對差異",
    "zh-hans": "财务部正与贵方核对差异",
}
RESOLVED = {
    "en": "The differences were resolved on",
    "zh-hant": "差異已於",
    "zh-hans": "差异已于",
}
RECEIVED = {
    "en": "Receipt of these invoices was confirmed by 陳小姐",
    "zh-hant": "陳小姐已於",
    "zh-hans": "陳小姐已于",
}
FINANCE = {"en": "Finance", "zh-hant": "財務部", "zh-hans": "财务部"}
MERCHANDISER = {"en": "Your merchandiser", "zh-hant": "負責跟單員", "zh-hans": "负责跟单员"}


def _document(form_code, obj) -> SentDocument:
    document = SentDocument.objects.get(form_code=form_code, object_id=obj.pk)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


def _link(document) -> str:
    return reverse("documents:public", args=[links.make_token(document)])


def _sent_statement(month, finance, language):
    month.customer.language = language
    month.customer.save(update_fields=["language"])
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    statement = statement_send(statement_id=statement.pk, user=finance)
    return statement, _document("F-STM-001", statement)


def _disputed_on_paper(statement, finance) -> Statement:
    claim = statement.lines.get(kind=LineKind.CLAIM)
    return statement_dispute_on_paper(
        statement_id=statement.pk,
        user=finance,
        name="陳小姐",
        disputed_on=timezone.localdate(),
        disputed={claim.pk: "40 pcs short, not 30"},
        reason="40 pcs short, not 30",
        scan=SimpleUploadedFile("letter.pdf", PDF),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_r31_link_states_a_dispute_on_paper_and_its_resolution_without_a_form(
    client, month, finance, language
):
    statement, document = _sent_statement(month, finance, language)
    link = _link(document)
    assert '<form method="post"' in client.get(link).content.decode()  # waiting: the answer form

    _disputed_on_paper(statement, finance)
    response = client.get(link)
    page = response.content.decode()
    assert response.status_code == 200
    assert DISPUTED[language] in page and "40 pcs short, not 30" in page
    assert AWAITING_FINANCE[language] in page
    assert '<form method="post"' not in page  # neither the answer nor a bare receipt

    # A post (an old tab's "Confirm receipt") records nothing.
    client.post(link, {"name": "陳小姐", "note": "", "answer": "confirm", "comment": ""})
    document.refresh_from_db()
    assert not document.is_confirmed
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.DISPUTED

    statement_resolve(
        statement_id=statement.pk, user=finance, resolution="Claim reduced to USD 83.67"
    )
    page = client.get(link).content.decode()
    assert RESOLVED[language] in page and "Claim reduced to USD 83.67" in page
    assert AWAITING_FINANCE[language] not in page
    assert '<form method="post"' not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_r31_link_states_a_dispute_given_through_it_once_answered(client, month, finance, language):
    statement, document = _sent_statement(month, finance, language)
    link = _link(document)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    client.post(
        link,
        {
            "name": "陳小姐",
            "answer": "dispute",
            "disputed_lines": [str(claim.pk)],
            "comment": "We agreed 20 pcs short",
        },
    )
    page = client.get(link).content.decode()
    assert DISPUTED[language] in page and AWAITING_FINANCE[language] in page
    assert 'name="answer"' not in page  # no answer to give again


@pytest.mark.parametrize("language", LANGUAGES)
def test_r31_link_states_a_receipt_finance_recorded_for_the_invoices(
    client, month, finance, language
):
    run, document = _sent_invoice_run(month, finance, language)
    link = _link(document)
    invoice_run_record_receipt(
        run_id=run.pk, user=finance, name="陳小姐", received_on=timezone.localdate()
    )
    assert run.__class__.objects.get(pk=run.pk).status == InvoiceRunStatus.RECEIVED
    page = client.get(link).content.decode()
    assert RECEIVED[language] in page
    assert '<form method="post"' not in page


def _sent_invoice_run(month, finance, language):
    month.customer.language = language
    month.customer.save(update_fields=["language"])
    cutoff = InvoicingPolicy.current().last_closed_cutoff(timezone.localdate())
    run = invoice_run_generate(customer=month.customer, cutoff=cutoff, user=finance)
    run = invoice_run_send(run_id=run.pk, user=finance)
    return run, _document("F-INV-001", run)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("sent", [_sent_statement, _sent_invoice_run], ids=["stm", "inv"])
def test_r31_expired_link_of_a_form_finance_sent_names_finance_not_a_merchandiser(
    client, month, finance, settings, language, sent
):
    _obj, document = sent(month, finance, language)
    with freeze_time(document.queued_at):
        link = _link(document)
    later = document.queued_at + timedelta(days=settings.GENDAN_DOCUMENT_LINK_DAYS, minutes=1)
    with freeze_time(later):
        response = client.get(link)
    page = response.content.decode()
    assert response.status_code == 410
    assert f"<h2>{FINANCE[language]}</h2>" in page and MERCHANDISER[language] not in page
    assert finance.email in page
