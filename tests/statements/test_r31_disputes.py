"""R31: a dispute the customer writes back on paper is recorded by finance like a paper
confirmation; a resolved dispute posts its agreed credit note on the order, which is a line of
the next statement — and the statements still add up to the settlement on each order."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from orders.services.common import ActionRefused
from shipping import rules
from shipping.choices import DeductionSource
from shipping.models import Deduction
from shipping.statements.choices import LineKind, StatementEvent, StatementStatus
from shipping.statements.models import Statement
from shipping.statements.services import (
    statement_dispute_on_paper,
    statement_generate,
    statement_resolve,
    statement_send,
)
from tests.factories import fresh
from tests.form_filler import PDF

pytestmark = pytest.mark.django_db


def _sent(month, finance) -> Statement:
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    return statement_send(statement_id=statement.pk, user=finance)


def _scan():
    return SimpleUploadedFile("letter.pdf", PDF)


def _disputed_on_paper(month, finance) -> tuple[Statement, object]:
    statement = _sent(month, finance)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    statement = statement_dispute_on_paper(
        statement_id=statement.pk,
        user=finance,
        name="陳小姐",
        disputed_on=timezone.localdate(),
        disputed={claim.pk: "40 pcs short, not 30"},
        reason="40 pcs short, not 30",
        scan=_scan(),
    )
    return statement, claim


def test_r31_finance_records_a_dispute_received_on_paper_through_the_page(client, month, finance):
    statement = _sent(month, finance)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    client.force_login(finance)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Record a dispute received on paper" in page
    client.post(
        reverse("statements:paper_dispute", args=[statement.pk]),
        {
            "name": "陳小姐",
            "disputed_on": timezone.localdate().isoformat(),
            "disputed_lines": [str(claim.pk)],
            "reason": "40 pcs short, not 30",
            "scan": _scan(),
        },
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.DISPUTED
    assert (statement.answered_by_name, statement.paper_recorded_by) == ("陳小姐", finance)
    claim.refresh_from_db()
    assert claim.disputed and claim.dispute_reason == "40 pcs short, not 30"
    record = statement.records.last()
    assert (record.action, record.actor, record.actor_name) == (
        StatementEvent.DISPUTED_ON_PAPER,
        finance,
        "陳小姐",
    )
    assert client.get(statement.paper_confirmation.url).status_code == 200


def test_r31_only_finance_records_a_dispute_on_paper(month, finance, merchandiser):
    statement = _sent(month, finance)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    with pytest.raises(ActionRefused, match="finance"):
        statement_dispute_on_paper(
            statement_id=statement.pk,
            user=merchandiser,
            name="陳小姐",
            disputed_on=timezone.localdate(),
            disputed={claim.pk: "no"},
            reason="no",
            scan=_scan(),
        )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.SENT
    assert not statement.lines.filter(disputed=True).exists()


def test_r31_a_dispute_on_paper_needs_lines_a_reason_and_the_letter(month, finance):
    statement = _sent(month, finance)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    base = {
        "statement_id": statement.pk,
        "user": finance,
        "name": "陳小姐",
        "disputed_on": timezone.localdate(),
        "disputed": {claim.pk: "x"},
        "reason": "x",
        "scan": _scan(),
    }
    for wrong, message in (
        ({"disputed": {}}, "tick the lines"),
        ({"reason": " "}, "reason"),
        ({"scan": None}, "upload"),
        ({"disputed_on": timezone.localdate().replace(year=2999)}, "future"),
    ):
        with pytest.raises(ActionRefused, match=message):
            statement_dispute_on_paper(**{**base, **wrong})
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.SENT


def test_r31_the_dispute_form_refuses_a_wrong_role_through_the_page(client, month, merchandiser):
    client.force_login(merchandiser)
    statement = statement_generate(customer=month.customer, period=month.period)
    response = client.post(reverse("statements:paper_dispute", args=[statement.pk]), {})
    assert response.status_code == 403


def test_r31_resolved_dispute_posts_its_credit_note_on_the_next_statement(
    month, finance, merchandiser
):
    statement, claim = _disputed_on_paper(month, finance)
    with pytest.raises(ActionRefused, match="finance"):
        statement_resolve(
            statement_id=statement.pk,
            user=merchandiser,
            resolution="Ten more pieces credited",
            credit=Decimal("41.25"),
            order_id=claim.order_id,
        )
    with pytest.raises(ActionRefused, match="disputed line"):
        statement_resolve(
            statement_id=statement.pk,
            user=finance,
            resolution="Ten more pieces credited",
            credit=Decimal("41.25"),
            order_id=month.euro.pk,
        )
    assert not Deduction.objects.filter(source=DeductionSource.CREDIT_NOTE).exists()
    owed_before = rules.balance(fresh(month.this_month)).owed.amount
    statement = statement_resolve(
        statement_id=statement.pk,
        user=finance,
        resolution="Ten more pieces credited",
        credit=Decimal("41.25"),
        order_id=claim.order_id,
    )
    assert statement.status == StatementStatus.RESOLVED
    assert statement.correction.money.amount == Decimal("41.25")
    assert rules.balance(fresh(month.this_month)).owed.amount == owed_before - Decimal("41.25")
    assert statement.records.last().action == StatementEvent.CORRECTION_POSTED

    # The disputed month stays as the customer saw it; the next one carries the credit note.
    assert statement.balances.get(currency="USD").closing == Decimal("1999.50")
    following = statement_generate(
        customer=month.customer, period=timezone.localdate().replace(day=1), user=finance
    )
    usd = following.balances.get(currency="USD")
    assert usd.opening == Decimal("1999.50")
    (credit,) = following.lines.filter(kind=LineKind.CREDIT_NOTE)
    assert (credit.amount, credit.order_id) == (Decimal("-41.25"), month.this_month.pk)
    assert usd.deducted == Decimal("41.25")
    assert usd.closing == Decimal("1958.25")


def test_r31_statements_still_add_up_to_the_settlement_after_a_correction(month, finance):
    statement, claim = _disputed_on_paper(month, finance)
    statement_resolve(
        statement_id=statement.pk,
        user=finance,
        resolution="Ten more pieces credited",
        credit=Decimal("41.25"),
        order_id=claim.order_id,
    )
    following = statement_generate(
        customer=month.customer, period=timezone.localdate().replace(day=1), user=finance
    )
    closing = {balance.currency: balance.closing for balance in following.balances.all()}
    for currency, orders in (("USD", [month.shipped, month.this_month]), ("EUR", [month.euro])):
        balances = [rules.balance(fresh(order)) for order in orders]
        assert closing[currency] == sum(
            (b.total.amount - b.paid.amount - b.deducted.amount for b in balances), 0
        )
    # Each order's lines over both statements are its settlement figures.
    lines = [
        *statement.lines.filter(order=month.this_month),
        *following.lines.filter(order=month.this_month),
    ]
    assert sum(line.amount for line in lines) == rules.balance(fresh(month.this_month)).owed.amount


def test_r31_resolving_without_a_credit_note_posts_nothing(month, finance):
    statement, _claim = _disputed_on_paper(month, finance)
    statement = statement_resolve(
        statement_id=statement.pk, user=finance, resolution="The customer withdrew the dispute"
    )
    assert statement.correction is None
    assert not Deduction.objects.filter(source=DeductionSource.CREDIT_NOTE).exists()


def test_r31_finance_resolves_with_a_credit_note_through_the_page(client, month, finance):
    statement, claim = _disputed_on_paper(month, finance)
    client.force_login(finance)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Credit note agreed" in page
    client.post(
        reverse("statements:resolve", args=[statement.pk]),
        {"comment": "Ten more pieces", "credit": "41.25", "order": str(claim.order_id)},
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.RESOLVED
    assert statement.correction.amount == Decimal("41.25")
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "Credit note posted" in page and month.this_month.po_number in page
