"""The complaints app's printable forms: the complaint handling report (to the factory, which
answers for the cause), the return application (the customer's notice to ship) and the return
note (to the customer). Each prints in its recipient's language."""

from django.utils.translation import gettext_lazy as _

from complaints.models import COMPLAINT_FORM, RETURN_APPLICATION_FORM, RETURN_NOTE_FORM
from orders.documents.registry import FormSpec, register_form


def customer_recipient(customer):
    """The customer's first contact with an e-mail address, in the customer's language."""
    from orders.documents.services import Recipient

    contact = next((c for c in customer.contacts.all() if c.email), None)
    return Recipient(customer.name, contact.email if contact else "", customer.language)


def _complaint_context(complaint) -> dict:
    claim = getattr(complaint, "factory_claim", None)
    return {
        "complaint": complaint,
        "order": complaint.order,
        "attachments": list(complaint.attachments.all()),
        "claim": claim,
    }


def _return_context(application) -> dict:
    return {
        "application": application,
        "order": application.order,
        "lines": list(application.lines.all()),
        "sign_offs": list(application.sign_offs.select_related("signed_by")),
        "complaint": application.complaint,
    }


COMPLAINT_REPORT = FormSpec(
    code=COMPLAINT_FORM,
    name=_("Product complaint handling report"),
    model="complaints.Complaint",
    template="complaints/forms/complaint_report.html",
    order_of=lambda complaint: complaint.order,
    recipient=lambda complaint: complaint.order.factory,
    context=_complaint_context,
    reference=lambda complaint: f"{complaint.order} · {complaint.number}",
    signatures=(_("Merchandiser"), _("Approved by (leader)"), _("QA"), _("Factory")),
)

RETURN_APPLICATION = FormSpec(
    code=RETURN_APPLICATION_FORM,
    name=_("Customer return application"),
    model="complaints.ReturnApplication",
    template="complaints/forms/return_application.html",
    order_of=lambda application: application.order,
    recipient=lambda application: customer_recipient(application.order.customer),
    context=_return_context,
    reference=lambda application: f"{application.order} · {application.number}",
    signatures=(_("Merchandiser"), _("Approved by (leader)"), _("Customer")),
)

RETURN_NOTE = FormSpec(
    code=RETURN_NOTE_FORM,
    name=_("Return note"),
    model="complaints.ReturnApplication",
    template="complaints/forms/return_note.html",
    order_of=lambda application: application.order,
    recipient=lambda application: customer_recipient(application.order.customer),
    context=_return_context,
    reference=lambda application: f"{application.order} · {application.note_number}",
    signatures=(_("Warehouse keeper"), _("Sales administration"), _("Finance")),
)


def register_forms() -> None:
    for spec in (COMPLAINT_REPORT, RETURN_APPLICATION, RETURN_NOTE):
        register_form(spec)
