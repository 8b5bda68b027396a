"""The complaints app's printable forms: the complaint handling report (to the factory, which
answers for the cause), the return application (the customer's notice to ship) and the return
note (to the customer). Each prints in its recipient's language."""

from django.utils.translation import gettext_lazy as _

from complaints import permissions
from complaints.choices import ComplaintStatus, ReturnStatus, SignOffStep
from complaints.models import COMPLAINT_FORM, RETURN_APPLICATION_FORM, RETURN_NOTE_FORM
from orders.documents.builtin_forms import ORDER_NOT_CANCELLED
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient


def _customer(application):
    return customer_recipient(application.order.customer)


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


def _sign_off(application, step):
    sign_off = next((s for s in application.sign_offs.all() if s.step == step), None)
    return signed_by(sign_off.signed_by, sign_off.signed_at) if sign_off else None


def _complaint_rule(*requirements: Requirement) -> SendRule:
    return SendRule(
        who=permissions.can_file_complaint,
        who_refusal=_("Only the order's merchandisers and the managers send it."),
        when=(*requirements, ORDER_NOT_CANCELLED),
    )


# R16: the factory gets the report once a leader approved it; R17: the customer gets its
# application back only approved, and the return note only once finance issued it.
COMPLAINT_SEND_RULE = _complaint_rule(
    Requirement(
        lambda complaint: complaint.status != ComplaintStatus.AWAITING_APPROVAL,
        _("a leader has not approved the report (R16)"),
    )
)
RETURN_APPLICATION_SEND_RULE = _complaint_rule(
    Requirement(
        lambda application: (
            application.status not in (ReturnStatus.AWAITING_APPROVAL, ReturnStatus.REFUSED)
        ),
        _("the return is not approved (R17)"),
    )
)
RETURN_NOTE_SEND_RULE = _complaint_rule(
    Requirement(
        lambda application: application.status == ReturnStatus.CLOSED,
        _("finance has not issued the return note (R17)"),
    )
)

COMPLAINT_REPORT = FormSpec(
    code=COMPLAINT_FORM,
    name=_("Product complaint handling report"),
    model="complaints.Complaint",
    template="complaints/forms/complaint_report.html",
    order_of=lambda complaint: complaint.order,
    recipient=lambda complaint: complaint.order.factory,
    context=_complaint_context,
    reference=lambda complaint: f"{complaint.order} · {complaint.number}",
    signatures=(
        Signature(_("Merchandiser"), signer=lambda c: signed_by(c.order.merchandiser)),
        Signature(
            _("Approved by (leader)"), signer=lambda c: signed_by(c.approved_by, c.approved_at)
        ),
        Signature(_("QA"), signer=lambda c: signed_by(c.analysed_by, c.analysed_at)),
        Signature(_("Factory"), company=True),
    ),
    send_rule=COMPLAINT_SEND_RULE,
)

RETURN_APPLICATION = FormSpec(
    code=RETURN_APPLICATION_FORM,
    name=_("Customer return application"),
    model="complaints.ReturnApplication",
    template="complaints/forms/return_application.html",
    order_of=lambda application: application.order,
    recipient=_customer,
    context=_return_context,
    reference=lambda application: f"{application.order} · {application.number}",
    signatures=(
        Signature(_("Merchandiser"), signer=lambda a: signed_by(a.order.merchandiser)),
        Signature(
            _("Approved by (leader)"), signer=lambda a: signed_by(a.decided_by, a.decided_at)
        ),
        Signature(_("Customer"), company=True),
    ),
    send_rule=RETURN_APPLICATION_SEND_RULE,
)

RETURN_NOTE = FormSpec(
    code=RETURN_NOTE_FORM,
    name=_("Return note"),
    model="complaints.ReturnApplication",
    template="complaints/forms/return_note.html",
    order_of=lambda application: application.order,
    recipient=_customer,
    context=_return_context,
    reference=lambda application: f"{application.order} · {application.note_number}",
    signatures=(
        Signature(
            _("Warehouse keeper"), signer=lambda a: _sign_off(a, SignOffStep.WAREHOUSE_KEEPER)
        ),
        Signature(
            _("Sales administration"), signer=lambda a: _sign_off(a, SignOffStep.SALES_ADMIN)
        ),
        Signature(_("Finance"), signer=lambda a: _sign_off(a, SignOffStep.FINANCE)),
    ),
    send_rule=RETURN_NOTE_SEND_RULE,
)


def register_forms() -> None:
    for spec in (COMPLAINT_REPORT, RETURN_APPLICATION, RETURN_NOTE):
        register_form(spec)
