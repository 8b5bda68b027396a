"""R31 and R34 in the browser: the office's path through the statement and invoice pages by the
role that walks it — finance draws up and sends a statement, records a dispute the customer
wrote on paper and resolves it with a credit note, sends the invoices of a cut-off and records
their receipt; the merchandiser raises an invoice request, the department manager signs it,
finance issues the invoice. Every page passes the axe audit the other browser tests use, and a
wrong role is refused."""

from datetime import date

import pytest

from orders.choices import Stage
from orders.models import Order
from shipping.models import CommercialInvoice, InvoiceRequest
from shipping.statements.choices import InvoiceRunStatus, StatementStatus
from shipping.statements.models import InvoiceRun, InvoicingPolicy, Statement
from tests.accessibility import audit
from tests.browser import log_in
from tests.factories import make_order
from tests.form_filler import PDF
from tests.shipping.conftest import at_stage

pytestmark = pytest.mark.browser

PASSWORD = "pw-12345-test"  # tests.factories.make_user's password


def badge(page) -> str:
    return page.locator(".page-head h1 .badge").inner_text().strip()


def assert_accessible(page) -> None:
    problems = audit(page, "en").problems()
    assert problems == {}, f"{page.url}: {problems}"


def submit(page, summary: str, fill=None) -> None:
    """Open the action's <details>, fill its form, press its button."""
    details = page.locator("details.action-form", has=page.locator(f'summary:text-is("{summary}")'))
    details.locator("summary").click()
    if fill:
        fill(details)
    with page.expect_navigation():
        details.locator("button[type=submit]").click()


def log_out(page) -> None:
    page.context.clear_cookies()


def test_r31_finance_walks_a_statement_and_an_invoice_run_in_the_browser(
    page, live_server, month, finance, merchandiser, settings, tmp_path
):
    settings.SECURE_SSL_REDIRECT = False
    log_in(page, finance.username, PASSWORD)
    page.goto("/statements/")
    assert_accessible(page)
    page.select_option("#id_customer", label=month.customer.name)
    page.fill("#id_month", f"{month.period:%Y-%m}")
    with page.expect_navigation():
        page.get_by_role("button", name="Draw up", exact=True).click()
    statement = Statement.objects.get(customer=month.customer, period=month.period)
    assert page.url.endswith(statement.get_absolute_url())
    assert badge(page) == "Draft"
    assert_accessible(page)

    submit(page, "Send to the customer")
    assert badge(page) == "Sent, waiting for the customer"

    # The customer wrote back disputing the claim: finance records the letter.
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(PDF)
    claim = statement.lines.get(kind="claim")

    def dispute(form):
        form.locator("[name=name]").fill("陳小姐")
        form.locator("[name=disputed_on]").fill(date.today().isoformat())
        form.locator(f"[name=disputed_lines][value='{claim.pk}']").check()
        form.locator("[name=reason]").fill("40 pcs short, not 30")
        form.locator("[name=scan]").set_input_files(str(letter))

    submit(page, "Record a dispute received on paper", dispute)
    assert badge(page) == "Disputed by the customer"
    assert "40 pcs short, not 30" in page.locator("main").inner_text()
    assert_accessible(page)

    def resolve(form):
        form.locator("[name=comment]").fill("Ten more pieces credited")
        form.locator("[name=credit]").fill("41.25")
        form.locator("[name=order]").select_option(str(claim.order_id))

    submit(page, "Record how the differences were resolved", resolve)
    assert badge(page) == "Differences resolved"
    assert "Credit note posted" in page.locator("main").inner_text()
    assert Statement.objects.get(pk=statement.pk).correction.amount == 41.25

    # The invoices of the last cut-off, sent together and their receipt recorded.
    cutoff = InvoicingPolicy.current().last_closed_cutoff(date.today())
    page.goto("/statements/invoices/")
    assert_accessible(page)
    page.select_option("#id_customer", label=month.customer.name)
    page.fill("#id_cutoff", cutoff.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Draw up", exact=True).click()
    run = InvoiceRun.objects.get(customer=month.customer, cutoff=cutoff)
    assert page.url.endswith(run.get_absolute_url()) and badge(page) == "Draft"
    assert_accessible(page)
    submit(page, "Send the invoices to the customer")
    assert badge(page) == "Sent, waiting for the customer's receipt"

    def receipt(form):
        form.locator("[name=name]").fill("陳小姐")
        form.locator("[name=received_on]").fill(date.today().isoformat())
        form.locator("[name=comment]").fill("Confirmed by e-mail")

    submit(page, "Record the customer's receipt", receipt)
    assert badge(page) == "Receipt confirmed"
    assert InvoiceRun.objects.get(pk=run.pk).status == InvoiceRunStatus.RECEIVED
    assert_accessible(page)

    # A merchandiser is refused the statement and invoice pages.
    log_out(page)
    log_in(page, merchandiser.username, PASSWORD)
    for url in ("/statements/", statement.get_absolute_url(), run.get_absolute_url()):
        assert page.goto(url).status == 403
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.RESOLVED


def test_r34_an_invoice_request_from_raising_to_the_invoice_in_the_browser(
    page, live_server, merchandiser, department_manager, finance, settings
):
    settings.SECURE_SSL_REDIRECT = False
    order = at_stage(make_order(merchandiser=merchandiser), Stage.SHIPPING)

    log_in(page, merchandiser.username, PASSWORD)
    page.goto(order.get_absolute_url())
    submit(page, "Raise an invoice request")
    request = InvoiceRequest.objects.get(order=order)
    assert request.status == "requested"
    # The one who raised it does not sign it: nothing waits for the merchandiser.
    assert page.locator("summary:text-is('Sign the invoice request')").count() == 0
    page.goto("/shipping/invoice-requests/")
    assert "Nothing waits for you." in page.locator("main").inner_text()
    assert_accessible(page)

    log_out(page)
    log_in(page, department_manager.username, PASSWORD)
    page.goto("/shipping/invoice-requests/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=order.po_number).click()
    submit(page, "Sign the invoice request")
    assert InvoiceRequest.objects.get(pk=request.pk).status == "approved"
    # Only finance issues the invoice.
    assert page.locator("summary:text-is('Issue commercial invoice')").count() == 0

    log_out(page)
    log_in(page, finance.username, PASSWORD)
    page.goto("/shipping/invoice-requests/")
    assert "Approved: issue the commercial invoice" in page.locator("main").inner_text()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=order.po_number).click()

    def invoice(form):
        form.locator("[name=number]").fill("CI-BROWSER-1")
        form.locator("[name=issued_on]").fill(date.today().isoformat())

    submit(page, "Issue commercial invoice", invoice)
    assert CommercialInvoice.objects.get(order=order).number == "CI-BROWSER-1"
    assert InvoiceRequest.objects.get(pk=request.pk).status == "invoiced"
    assert Order.objects.get(pk=order.pk).stage == Stage.SHIPPING
    assert_accessible(page)
