"""The "Inspection & shipment" section of the order page."""

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.roles import Role, has_role
from orders.sections import register_home_panel, register_section
from shipping import forms, permissions, rules
from shipping.choices import (
    PAYMENT_STATUS_COLOURS,
    ExportDocumentKind,
    InspectorParty,
    InvoiceRequestStatus,
)
from shipping.models import InspectionBooking
from shipping.sections_dispatch import dispatch_context
from shipping.selectors import inspections_waiting


def section_context(order, user) -> dict:
    today = timezone.localdate()
    # The balance, the due date and the tracking sheet all read these: fetch each once.
    prefetch_related_objects([order], "payments", "deductions", "export_documents")
    bookings = list(
        InspectionBooking.objects.filter(order=order)
        .select_related("report__resolution", "report__guarantee_letter", "report__certificate")
        .prefetch_related("report__counts", "report__defects")
    )
    documents = {document.kind: document for document in order.export_documents.all()}
    balance = rules.balance(order, today=today)

    may_handle = permissions.can_handle_shipment(order, user)
    may_decide = permissions.can_decide_failure(order, user)

    return {
        "order": order,
        "today": today,
        "dispatch": dispatch_context(order, user),
        "forms": {
            "booking": forms.BookingForm(initial={"lot_size": order.total_quantity})
            if permissions.can_book_inspection(order, user)
            else None,
            "decision": forms.DecisionForm() if may_decide else None,
            "approve": forms.CommentForm() if may_decide else None,
            "letter": forms.LetterForm() if may_handle else None,
            "signed": forms.SignedScanForm() if may_handle else None,
            "marks": forms.MarksForm() if may_handle else None,
            "confirm": forms.MarksConfirmForm() if may_handle else None,
            "packing": forms.PackingForm() if may_handle else None,
            "invoice": forms.InvoiceForm() if permissions.can_issue_invoice(order, user) else None,
            "invoice_request": forms.InvoiceRequestForm(auto_id="id_invoice-request-%s")
            if permissions.can_raise_invoice_request(order, user)
            else None,
            # Their own ids: the L/G approval's comment box shares the page.
            "invoice_approve": forms.CommentForm(auto_id="id_invoice-approve-%s"),
            "invoice_refuse": forms.CommentForm(auto_id="id_invoice-refuse-%s"),
            "freight": forms.FreightForm() if may_handle else None,
            "document": forms.ExportDocumentForm() if may_handle else None,
            "payment": forms.PaymentForm() if permissions.can_record_payment(order, user) else None,
            "deduction": forms.DeductionForm()
            if permissions.can_record_deduction(order, user)
            else None,
        },
        "deadlines": [
            (InspectorParty(party).label, rules.booking_deadline(order, party))
            for party in InspectorParty.values
        ],
        "booking_overdue": rules.final_booking_overdue(order, today=today),
        "bookings": bookings,
        "letters": list(order.guarantee_letters.select_related("approved_by")),
        "certificates": list(order.inspection_certificates.all()),
        "marks": getattr(order, "shipping_marks", None),
        "marks_flagged": rules.shipping_marks_flagged(order, today=today),
        "packing_list": getattr(order, "packing_list", None),
        "invoice": getattr(order, "commercial_invoice", None),
        **invoice_request_context(order, user),
        "freight": getattr(order, "freight_booking", None),
        "documents": [
            (kind, ExportDocumentKind(kind).label, documents.get(kind))
            for kind in ExportDocumentKind.values
        ],
        "missing_documents": rules.missing_documents(order),
        "balance": balance,
        "balance_colour": PAYMENT_STATUS_COLOURS[balance.status],
        "payments": list(order.payments.all()),
        "deductions": list(order.deductions.all()),
        "may_book": permissions.can_book_inspection(order, user),
        "may_record": permissions.can_record_inspection(order, user),
        "may_decide": may_decide,
        "may_handle": may_handle,
        "may_pay": permissions.can_record_payment(order, user),
        "may_deduct": permissions.can_record_deduction(order, user),
    }


def register_sections() -> None:
    register_section(
        code="shipping",
        title=_("Inspection & shipment"),
        template="shipping/section.html",
        context=section_context,
        order=60,
        stages=[Stage.IN_PRODUCTION, Stage.INSPECTION, Stage.SHIPPING, Stage.SETTLED],
    )


def inspections_panel_context(user) -> dict:
    return {"bookings": inspections_waiting(user), "may_record": has_role(user, Role.QC)}


def register_home_panels() -> None:
    """QC's home page: the booked inspections that wait for their report, soonest first."""
    register_home_panel(
        code="inspections_waiting",
        title=_("Inspections waiting for their report"),
        template="shipping/includes/home_panel.html",
        context=inspections_panel_context,
        order=40,
    )


def invoice_request_context(order, user) -> dict:
    """R34: the order's invoice requests, the open one, and whether this user signs it now."""

    requests = list(
        order.invoice_requests.select_related("raised_by", "refused_by", "invoiced_by")
        .prefetch_related("approvals__approved_by")
        .order_by("raised_at", "id")
    )
    open_request = next(
        (
            request
            for request in requests
            if request.status in (InvoiceRequestStatus.REQUESTED, InvoiceRequestStatus.APPROVED)
        ),
        None,
    )
    return {
        "invoice_requests": requests,
        "open_invoice_request": open_request,
        "may_sign_invoice_request": open_request is not None
        and permissions.can_approve_invoice_request(open_request, user),
    }
