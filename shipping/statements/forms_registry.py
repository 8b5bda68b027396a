"""The statement (F-STM-001) in the customer's language, e-mailed through the forms machinery;
the customer confirms it or disputes lines through the mail's signed link (R31)."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from orders.documents.registry import FormSpec, LinkAnswer, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient
from shipping.statements import invoice_runs, permissions
from shipping.statements.choices import (
    Answer,
    InvoiceRunEvent,
    InvoiceRunStatus,
    StatementEvent,
    StatementStatus,
)
from shipping.statements.forms import LinkAnswerForm, ReceiptLinkForm
from shipping.statements.models import INVOICE_RUN_FORM, STATEMENT_FORM
from shipping.statements.services import record, statement_answer


def _customer(statement):
    return customer_recipient(statement.customer)


def statement_context(statement) -> dict:
    balances = list(statement.balances.all())
    lines = list(statement.lines.select_related("order"))
    return {
        "statement": statement,
        "currencies": [
            (balance, [line for line in lines if line.currency == balance.currency])
            for balance in balances
        ],
    }


def _on_sent(statement, document, user) -> None:
    record(
        statement,
        action=StatementEvent.PDF_SENT,
        user=user,
        comment=f"{document.form_code} v{document.version} → {document.recipient_name} "
        f"<{document.recipient_email}>",
    )


def _answer_form(statement, data=None, files=None):
    return LinkAnswerForm(statement, data, files)


def _record_answer(statement, form) -> None:
    data = form.cleaned_data
    agreed = data["answer"] == Answer.CONFIRM
    comment = data.get("comment", "")
    statement_answer(
        statement_id=statement.pk,
        name=data["name"],
        agreed=agreed,
        disputed={} if agreed else {int(pk): comment for pk in data["disputed_lines"]},
        comment=comment,
    )


def _day(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def statement_answered(statement) -> str:
    """R31: the customer's answer as finance has it (given through the link or on paper), and
    once a dispute is resolved, what was agreed; stated on the link's page in the customer's
    language instead of a form to answer again."""
    said = {"name": statement.answered_by_name, "date": _day(statement.answered_at)}
    if statement.status == StatementStatus.CONFIRMED:
        return gettext("%(name)s confirmed this statement on %(date)s. Thank you.") % said
    if statement.status not in (StatementStatus.DISPUTED, StatementStatus.RESOLVED):
        return ""
    lines = [gettext("%(name)s disputed this statement on %(date)s.") % said]
    if statement.answer_comment:
        lines.append(gettext("Your reason: %(comment)s") % {"comment": statement.answer_comment})
    if statement.status == StatementStatus.DISPUTED:
        lines.append(
            gettext(
                "Finance is resolving the differences with you and will tell you what is "
                "agreed; there is nothing more to answer here."
            )
        )
    else:
        lines.append(
            gettext("The differences were resolved on %(date)s: %(resolution)s")
            % {"date": _day(statement.resolved_at), "resolution": statement.resolution}
        )
    return "\n".join(lines)


def invoice_run_answered(run) -> str:
    """R31: the receipt as recorded (through the link or on paper by finance)."""
    if run.status != InvoiceRunStatus.RECEIVED:
        return ""
    return gettext("Receipt of these invoices was confirmed by %(name)s on %(date)s.") % {
        "name": run.received_by_name,
        "date": _day(run.received_at),
    }


STATEMENT = FormSpec(
    code=STATEMENT_FORM,
    name=_("Monthly statement"),
    model="statements.Statement",
    template="statements/forms/statement.html",
    order_of=lambda statement: None,
    recipient=_customer,
    context=statement_context,
    reference=lambda statement: statement.label,
    signatures=(
        Signature(_("Finance"), signer=lambda s: signed_by(s.sent_by, s.sent_at)),
        Signature(_("Customer: confirmed by"), company=True),
    ),
    # R31: it leaves through the statement's own "send" step, which moves it to Sent in the
    # same transaction; while it waits for the answer it may go again.
    send_rule=SendRule(
        who=lambda statement, user: permissions.can_keep_statements(user),
        who_refusal=_("Only finance sends customer statements."),
        when=(
            Requirement(
                lambda statement: statement.status == StatementStatus.SENT,
                _("the statement is not being sent through its page (R31)"),
            ),
        ),
    ),
    seen_by=lambda statement, user: permissions.can_see_statements(user),
    on_sent=_on_sent,
    link_answer=LinkAnswer(
        pending=lambda statement: statement.status == StatementStatus.SENT,
        form=_answer_form,
        record=_record_answer,
        submit_label=_("Send our answer"),
        answered=statement_answered,
    ),
    contact_label=_("Finance"),
)


def _run_sent(run, document, user) -> None:
    invoice_runs.record(
        run,
        action=InvoiceRunEvent.PDF_SENT,
        user=user,
        comment=f"{document.form_code} v{document.version} → {document.recipient_name} "
        f"<{document.recipient_email}>",
    )


def _receipt_form(run, data=None, files=None):
    return ReceiptLinkForm(data, files)


def _record_receipt(run, form) -> None:
    invoice_runs.invoice_run_confirm_receipt(
        run_id=run.pk, name=form.cleaned_data["name"], comment=form.cleaned_data["comment"]
    )


INVOICE_RUN = FormSpec(
    code=INVOICE_RUN_FORM,
    name=_("Invoices sent"),
    model="statements.InvoiceRun",
    template="statements/forms/invoice_run.html",
    order_of=lambda run: None,
    recipient=_customer,
    context=lambda run: {
        "run": run,
        "lines": list(run.lines.select_related("order")),
        "totals": run.totals(),
    },
    reference=lambda run: run.label,
    signatures=(
        Signature(_("Finance"), signer=lambda r: signed_by(r.sent_by, r.sent_at)),
        Signature(_("Customer: received by"), company=True),
    ),
    # R31: it leaves through the run's own "send" step; while the receipt waits it may go again.
    send_rule=SendRule(
        who=lambda run, user: permissions.can_keep_statements(user),
        who_refusal=_("Only finance sends the invoices."),
        when=(
            Requirement(
                lambda run: run.status == InvoiceRunStatus.SENT,
                _("the invoices are not being sent through their run's page (R31)"),
            ),
        ),
    ),
    seen_by=lambda run, user: permissions.can_see_statements(user),
    on_sent=_run_sent,
    link_answer=LinkAnswer(
        pending=lambda run: run.status == InvoiceRunStatus.SENT,
        form=_receipt_form,
        record=_record_receipt,
        submit_label=_("We received the invoices"),
        answered=invoice_run_answered,
    ),
    contact_label=_("Finance"),
)


def register_forms() -> None:
    register_form(STATEMENT)
    register_form(INVOICE_RUN)
