"""The quotation in the company format (R18), printed in the customer's language and e-mailed
through the forms machinery. It prints the prices, never the costing."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient
from orders.quotations import permissions
from orders.quotations.choices import QuotationEvent, QuotationStatus
from orders.quotations.costing import price_text
from orders.quotations.rules import QUOTATION_FORM
from orders.quotations.services.common import record


def _customer(quotation):
    return customer_recipient(quotation.customer)


def _context(quotation) -> dict:
    return {
        "quotation": quotation,
        "quoted_on": timezone.localtime(quotation.sent_at) if quotation.sent_at else None,
        "prices": [
            (item.min_quantity, price_text(item.unit_price, quotation.currency))
            for item in quotation.price_breaks.all()
        ],
    }


def _on_sent(quotation, document, user) -> None:
    record(
        quotation,
        user=user,
        action=QuotationEvent.PDF_SENT,
        comment=f"{document.form_code} v{document.version} → {document.recipient_name} "
        f"<{document.recipient_email}>",
    )


# R18: it leaves only approved, through the quotation's own "send" step (which moves it to Sent
# in the same transaction); while it stands as sent it may go again.
QUOTATION_SEND_RULE = SendRule(
    who=permissions.can_prepare,
    who_refusal=_("Only the team's merchandisers and the managers send quotations."),
    when=(
        Requirement(
            lambda quotation: quotation.status == QuotationStatus.SENT,
            _("the quotation is not approved and sent through its page (R18)"),
        ),
        Requirement(lambda quotation: quotation.is_valid_today(), _("its validity date passed")),
    ),
)

QUOTATION = FormSpec(
    code=QUOTATION_FORM,
    name=_("Quotation"),
    model="quotations.Quotation",
    template="quotations/forms/quotation.html",
    order_of=lambda quotation: None,
    recipient=_customer,
    context=_context,
    reference=lambda quotation: quotation.label,
    signatures=(
        Signature(_("Merchandiser"), signer=lambda q: signed_by(q.merchandiser)),
        Signature(_("Approved by"), signer=lambda q: signed_by(q.approved_by, q.approved_at)),
    ),
    send_rule=QUOTATION_SEND_RULE,
    seen_by=permissions.can_see,
    on_sent=_on_sent,
)


def register_forms() -> None:
    register_form(QUOTATION)
