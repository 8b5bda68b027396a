"""R31: a customer who confirms the statement on paper — finance files who signed, when, and
the scan (checked like every signed copy); the statement is confirmed through its lifecycle."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from orders.services.common import ActionRefused
from shipping.statements.choices import StatementEvent, StatementStatus
from shipping.statements.models import Statement
from shipping.statements.services import (
    statement_confirm_on_paper,
    statement_generate,
    statement_send,
)
from tests.form_filler import PDF

pytestmark = pytest.mark.django_db


def _sent(month, finance) -> Statement:
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    return statement_send(statement_id=statement.pk, user=finance)


def _scan(content=PDF, name="signed.pdf"):
    return SimpleUploadedFile(name, content)


def test_r31_finance_files_a_paper_confirmation_through_the_page(client, month, finance):
    statement = _sent(month, finance)
    client.force_login(finance)
    assert (
        "File a confirmation signed on paper"
        in client.get(statement.get_absolute_url()).content.decode()
    )
    signed_on = timezone.localdate() - timedelta(days=1)
    client.post(
        reverse("statements:paper", args=[statement.pk]),
        {"name": "陳小姐", "confirmed_on": signed_on.isoformat(), "scan": _scan(), "comment": ""},
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.CONFIRMED
    assert statement.answered_by_name == "陳小姐"
    assert timezone.localtime(statement.answered_at).date() == signed_on
    assert statement.paper_recorded_by == finance
    record = statement.records.last()
    assert (record.action, record.actor, record.actor_name) == (
        StatementEvent.CONFIRMED_ON_PAPER,
        finance,
        "陳小姐",
    )
    page = client.get(statement.get_absolute_url()).content.decode()
    assert statement.paper_confirmation.url in page
    assert client.get(statement.paper_confirmation.url).status_code == 200


def test_r31_only_finance_files_a_paper_confirmation(month, finance, merchandiser):
    statement = _sent(month, finance)
    with pytest.raises(ActionRefused):
        statement_confirm_on_paper(
            statement_id=statement.pk,
            user=merchandiser,
            name="陳小姐",
            confirmed_on=timezone.localdate(),
            scan=_scan(),
        )
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.SENT


def test_r31_a_paper_confirmation_needs_a_real_scan_and_a_sent_statement(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    with pytest.raises(ActionRefused, match="The statement is draft"):
        statement_confirm_on_paper(
            statement_id=statement.pk,
            user=finance,
            name="陳小姐",
            confirmed_on=timezone.localdate(),
            scan=_scan(),
        )
    statement = statement_send(statement_id=statement.pk, user=finance)
    with pytest.raises(ActionRefused, match="Please upload a PDF, JPEG or PNG file."):
        statement_confirm_on_paper(
            statement_id=statement.pk,
            user=finance,
            name="陳小姐",
            confirmed_on=timezone.localdate(),
            scan=_scan(b"MZ\x90\x00" + b"\x00" * 64, "signed.pdf"),
        )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.SENT and not statement.paper_confirmation
