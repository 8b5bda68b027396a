"""R31: the monthly customer statement (對帳單) — what it states adds up to the settlement on
each order; finance draws it up and sends it; the customer confirms or disputes it through the
signed link; disputes wait on finance until resolved."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from orders.documents import links
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.models import SentDocument
from orders.services.common import ActionRefused
from shipping import rules
from shipping.choices import PaymentKind
from shipping.services import payment_record
from shipping.statements.choices import LineKind, StatementStatus
from shipping.statements.models import Statement
from shipping.statements.reminders import r31_statement_items
from shipping.statements.services import (
    statement_answer,
    statement_generate,
    statement_resolve,
    statement_send,
)
from shipping.statements.tasks import monthly_statements_for
from tests.factories import fresh, make_customer
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db


def usd_and_eur(statement):
    return {balance.currency: balance for balance in statement.balances.all()}


def test_r31_statement_states_opening_lines_and_closing_per_currency(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    usd, eur = usd_and_eur(statement)["USD"], usd_and_eur(statement)["EUR"]
    # Brought forward: CI-OLD 1,650.00 less TT-1 1,000.00.
    assert usd.opening == Decimal("650.00")
    assert usd.invoiced == Decimal("4125.00")  # 1 000 × 4.125
    assert usd.received == Decimal("2650.00")  # TT-2 650 + TT-3 2 000
    assert usd.deducted == Decimal("125.50")
    assert usd.closing == Decimal("1999.50")
    assert all(isinstance(v, Decimal) for v in (usd.opening, usd.closing, eur.closing))
    assert (eur.opening, eur.invoiced, eur.closing) == (0, Decimal("999.00"), Decimal("999.00"))
    kinds = [(line.kind, line.amount) for line in statement.lines.filter(currency="USD")]
    assert kinds == [
        (LineKind.INVOICE, Decimal("4125.00")),
        (LineKind.PAYMENT, Decimal("-650.00")),
        (LineKind.CLAIM, Decimal("-125.50")),
        (LineKind.PAYMENT, Decimal("-2000.00")),
    ]


def test_r31_statement_adds_up_to_the_settlement_figures_on_each_order(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    for currency, orders in (("USD", [month.shipped, month.this_month]), ("EUR", [month.euro])):
        balances = [rules.balance(fresh(order)) for order in orders]
        owed = sum((b.total.amount - b.paid.amount - b.deducted.amount for b in balances), 0)
        assert usd_and_eur(statement)[currency].closing == owed
    # Each order's lines on the statements, with what was brought forward, are its settlement.
    lines = statement.lines.filter(order=month.this_month)
    balance = rules.balance(fresh(month.this_month))
    assert sum(line.amount for line in lines) == balance.owed.amount


def test_r31_next_month_opens_with_this_month_closing(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    following = statement_generate(
        customer=month.customer, period=timezone.localdate().replace(day=1), user=finance
    )
    assert usd_and_eur(following)["USD"].opening == usd_and_eur(statement)["USD"].closing


def test_r31_only_finance_draws_up_and_sends(month, merchandiser, department_manager, finance):
    for user in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="finance"):
            statement_generate(customer=month.customer, period=month.period, user=user)
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    for user in (merchandiser, department_manager):
        with pytest.raises(ActionRefused, match="finance"):
            statement_send(statement_id=statement.pk, user=user)
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.DRAFT


def test_r31_sent_in_the_customer_language_through_the_outbox(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    statement = statement_send(statement_id=statement.pk, user=finance)
    assert statement.status == StatementStatus.SENT and statement.sent_by == finance
    document = SentDocument.objects.get(form_code="F-STM-001", object_id=statement.pk)
    assert document.recipient_email == "chen@north.example"
    assert document.recipient_language == "zh-hant"
    assert document.outbox_id is not None
    with pytest.raises(ActionRefused):
        statement_send(statement_id=statement.pk, user=finance)


def test_r31_a_customer_without_an_email_refuses_the_send_and_it_stays_draft(month, finance):
    month.customer.contacts.all().delete()
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    with pytest.raises(ActionRefused, match="e-mail"):
        statement_send(statement_id=statement.pk, user=finance)
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.DRAFT


def _sent(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    statement_send(statement_id=statement.pk, user=finance)
    document = SentDocument.objects.get(form_code="F-STM-001", object_id=statement.pk)
    mark_sent(document.outbox_id)
    return statement, reverse("documents:public", args=[links.make_token(document)])


def test_r31_customer_confirms_through_the_signed_link(client, month, finance):
    statement, url = _sent(month, finance)
    page = client.get(url)
    assert page.status_code == 200 and "CI-NEW" in page.content.decode()
    client.post(url, {"name": "陳小姐", "answer": "confirm", "comment": ""})
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.CONFIRMED
    assert statement.answered_by_name == "陳小姐"
    assert statement.records.last().actor_name == "陳小姐"


def test_r31_customer_disputes_lines_with_the_reason_and_finance_resolves(
    client, month, finance, merchandiser
):
    statement, url = _sent(month, finance)
    claim = statement.lines.get(kind=LineKind.CLAIM)
    response = client.post(url, {"name": "陳小姐", "answer": "dispute", "comment": ""})
    assert response.status_code == 400  # no line ticked, no reason: nothing recorded
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.SENT
    client.post(
        url,
        {
            "name": "陳小姐",
            "answer": "dispute",
            "disputed_lines": [str(claim.pk)],
            "comment": "We agreed 20 pcs short, not 30",
        },
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.status == StatementStatus.DISPUTED
    claim.refresh_from_db()
    assert claim.disputed and claim.dispute_reason == "We agreed 20 pcs short, not 30"
    assert statement.lines.filter(disputed=True).count() == 1

    (item,) = r31_statement_items(timezone.localdate())
    assert item.user_id == finance.pk and item.path == statement.get_absolute_url()
    assert "disputed" in str(item.title)

    with pytest.raises(ActionRefused, match="finance"):
        statement_resolve(statement_id=statement.pk, user=merchandiser, resolution="ok")
    with pytest.raises(ActionRefused, match="how"):
        statement_resolve(statement_id=statement.pk, user=finance, resolution=" ")
    statement = statement_resolve(
        statement_id=statement.pk, user=finance, resolution="Claim reduced to USD 83.67"
    )
    assert statement.status == StatementStatus.RESOLVED
    assert r31_statement_items(timezone.localdate()) == []


def test_r31_nobody_of_ours_answers_for_the_customer(month, finance):
    statement, _url = _sent(month, finance)
    statement = Statement.objects.get(pk=statement.pk)
    assert "confirm" not in {
        t.name for t in statement.get_available_user_status_transitions(finance)
    }
    assert "dispute" not in {
        t.name for t in statement.get_available_user_status_transitions(finance)
    }


def test_r31_answer_only_while_sent(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    with pytest.raises(ActionRefused, match="draft"):
        statement_answer(statement_id=statement.pk, name="Chen", agreed=True, disputed={})


def test_r31_unanswered_statement_is_chased_after_the_answer_days(month, finance, settings):
    settings.GENDAN_STATEMENT_ANSWER_DAYS = 7
    statement, _url = _sent(month, finance)
    today = timezone.localdate()
    assert r31_statement_items(today) == []
    (item,) = r31_statement_items(today + timedelta(days=9))
    assert item.overdue_days == 2 and item.user_id == finance.pk


@pytest.mark.parametrize(
    "language,title", [("en", "STATEMENT OF ACCOUNT"), ("zh-hant", "對帳單"), ("zh-hans", "对账单")]
)
def test_r31_pdf_in_three_languages(month, finance, language, title):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    data = render_pdf(get_form("F-STM-001"), statement, language)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert title in text
    assert statement.label in text and "北方貿易有限公司" in text
    for figure in ("650.00", "4,125.00", "125.50", "1,999.50", "999.00", "CI-NEW"):
        assert figure in text


def test_r31_excel_export_lists_lines_between_opening_and_closing(client, month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    client.force_login(finance)
    response = client.get(statement.get_absolute_url(), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "USD"]
    assert rows[0][2] == "Balance brought forward" and rows[0][7] == 650
    assert rows[-1][2] == "Closing balance" and rows[-1][7] == pytest.approx(1999.5)
    assert len(rows) == 6


def test_r31_pages_are_finance_and_managers_only(client, month, finance, merchandiser):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    client.force_login(merchandiser)
    assert client.get(reverse("statements:list")).status_code == 403
    assert client.get(statement.get_absolute_url()).status_code == 403
    client.force_login(finance)
    page = client.get(reverse("statements:list")).content.decode()
    assert statement.label in page and "Draw up" in page
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "1,999.50" in page and "Send to the customer" in page


def test_r31_finance_draws_up_on_demand_through_the_page(client, month, finance):
    client.force_login(finance)
    client.post(
        reverse("statements:generate"),
        {"customer": month.customer.pk, "month": f"{month.period:%Y-%m}"},
    )
    assert Statement.objects.filter(customer=month.customer, period=month.period).exists()


def test_r31_monthly_pass_draws_up_last_month_once_for_monthly_customers(month):
    per_shipment = make_customer(name="Per shipment Ltd")
    today = timezone.localdate()
    assert monthly_statements_for(today) == 1
    assert monthly_statements_for(today) == 0
    statement = Statement.objects.get()
    assert statement.customer == month.customer and statement.generated_by is None
    assert not Statement.objects.filter(customer=per_shipment).exists()


def test_r31_drawing_up_reads_the_settlement_in_a_fixed_number_of_queries(
    month, finance, merchandiser, django_assert_max_num_queries
):
    """However many orders the customer has, the statement reads them at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        statement_generate(customer=month.customer, period=month.period, user=finance)
    Statement.objects.all().delete()
    for number in range(5):
        from tests.statements.conftest import invoiced_order

        invoiced_order(
            merchandiser, month.customer, day=month.period + timedelta(days=3),
            number=f"CI-MORE-{number}",
            lines=[{"colour": "Navy", "quantity": 10, "unit_price": Decimal("1.00")}],
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        statement_generate(customer=month.customer, period=month.period, user=finance)


def test_r31_only_finance_draws_a_draft_up_again(month, finance, merchandiser):
    from shipping.statements.services import statement_refresh

    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    with pytest.raises(ActionRefused, match="finance"):
        statement_refresh(statement_id=statement.pk, user=merchandiser)
    payment_late = statement.lines.count()
    assert statement_refresh(statement_id=statement.pk, user=finance).lines.count() == payment_late
    statement_send(statement_id=statement.pk, user=finance)
    with pytest.raises(ActionRefused, match="sent"):
        statement_refresh(statement_id=statement.pk, user=finance)


def test_r31_what_is_sent_is_the_settlement_as_it_stands_when_sent(month, finance):
    statement = statement_generate(customer=month.customer, period=month.period, user=finance)
    payment_record(
        order_id=month.euro.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("99.00"),
        received_on=month.period + timedelta(days=27), reference="TT-LATE",
    )  # fmt: skip
    statement = statement_send(statement_id=statement.pk, user=finance)
    assert usd_and_eur(statement)["EUR"].closing == Decimal("900.00")
    assert statement.lines.filter(reference="TT-LATE").exists()
