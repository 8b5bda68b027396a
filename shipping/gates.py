"""The shipping app's gates on the order: ship waits for the inspection, settle for the papers
(R27), the dispatch (R15) and the money (R21)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.gates import register_gate
from shipping import rules


def satisfy_inspection_gate(order) -> None:
    """What QC does to meet the gate: a final inspection booked and passed (demo data, tests)."""
    from django.db import transaction

    from shipping.choices import InspectionKind, InspectorParty
    from shipping.services.inspections import _book, _record_report

    user = order.merchandiser
    with transaction.atomic():
        booking = _book(
            order,
            user,
            kind=InspectionKind.FINAL,
            party=InspectorParty.OWN_QC,
            planned_date=order.ex_factory_date,
            lot_size=max(order.total_quantity, 1),
            level="II",
            aqls=("0.010", "2.5", "4.0"),
        )
        _record_report(
            booking,
            user,
            defects_found={},
            defects=[],
            inspected_on=timezone.localdate(),
            quantity_presented=booking.lot_size,
        )


def someone_with(role: str, *, besides=None):
    """An active user holding `role` (demo data, tests), else a superuser."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    users = get_user_model().objects.filter(is_active=True).exclude(pk=getattr(besides, "pk", None))
    found = users.filter(groups__name=role).order_by("pk").first()
    found = found or users.filter(Q(is_superuser=True)).order_by("pk").first()
    if found is None:
        raise LookupError(f"nobody holds the role {role}")
    return found


def invoice_through_request(order, *, number: str, issued_on):
    """R34 walked as the office walks it (demo data, tests): the merchandiser raises the
    invoice request, each configured level signs, finance issues the commercial invoice."""
    from orders.roles import Role
    from shipping.choices import InvoiceRequestStatus
    from shipping.services import (
        commercial_invoice_issue,
        invoice_request_approve,
        invoice_request_raise,
    )

    merchandiser = order.merchandiser
    request = order.invoice_requests.filter(
        status__in=[InvoiceRequestStatus.REQUESTED, InvoiceRequestStatus.APPROVED]
    ).first() or invoice_request_raise(order_id=order.pk, user=merchandiser)
    while request.next_role:
        approver = someone_with(request.next_role, besides=merchandiser)
        request = invoice_request_approve(request_id=request.pk, user=approver)
    finance = someone_with(Role.FINANCE, besides=merchandiser)
    return commercial_invoice_issue(
        order_id=order.pk, user=finance, number=number, issued_on=issued_on
    )


def satisfy_settle_gate(order) -> None:
    """The merchandiser's papers and finance's receipt of what is owed (demo data, tests)."""
    from decimal import Decimal

    from shipping.choices import ExportDocumentKind, PaymentKind
    from shipping.services import export_document_record, packing_list_generate
    from shipping.services.settlement import create_payment

    user = order.merchandiser
    today = timezone.localdate()
    if not hasattr(order, "packing_list"):
        packing_list_generate(
            order_id=order.pk,
            user=user,
            pieces_per_carton=24,
            net_weight_per_piece_kg=Decimal("0.250"),
            carton_weight_kg=Decimal("1.200"),
            carton_length_cm=Decimal("60"),
            carton_width_cm=Decimal("40"),
            carton_height_cm=Decimal("30"),
        )
    if not hasattr(order, "commercial_invoice"):
        invoice_through_request(order, number=f"CI-{order.pk:06d}", issued_on=today)
    for kind in (
        ExportDocumentKind.CERTIFICATE_OF_ORIGIN,
        ExportDocumentKind.CUSTOMS_DECLARATION,
        ExportDocumentKind.BILL_OF_LADING,
    ):
        if not order.export_documents.filter(kind=kind).exists():
            export_document_record(
                order_id=order.pk,
                user=user,
                kind=kind,
                number=f"{kind[:4]}-{order.pk}",
                issued_on=today,
            )
    owed = rules.balance(order).owed.amount
    if owed > 0:
        create_payment(
            order, user, kind=PaymentKind.BALANCE, amount=owed, received_on=today, reference="demo"
        )


def satisfy_dispatch_gate(order) -> None:
    """Walk every open dispatch through to shipped, as the merchandiser (demo data, tests)."""
    from shipping.services.dispatch import walk_to_shipped

    for dispatch in order.dispatches.all():
        if not dispatch.shipped:
            walk_to_shipped(dispatch, user=order.merchandiser)


def register_gates() -> None:
    register_gate(
        transition="ship",
        code="inspection_passed",
        label=_("Final inspection passed, or shipment under a signed and approved L/G (R7)"),
        cleared_by=_("QC; the purchasing head or GM for an L/G"),
        check=rules.inspection_cleared_for_shipment,
        satisfy=satisfy_inspection_gate,
    )
    register_gate(
        transition="settle",
        code="export_documents",
        label=_(
            "Export documents complete: FORM A or C/O, customs declaration, B/L, packing "
            "list, commercial invoice (R27)"
        ),
        cleared_by=_("Merchandiser, documents clerk"),
        check=rules.documents_complete,
        satisfy=satisfy_settle_gate,
    )
    register_gate(
        transition="settle",
        code="dispatch_shipped",
        label=_("Goods shipped: every stock preparation slip went out with a waybill (R15)"),
        cleared_by=_("Sales administration, finance, warehouse"),
        check=rules.dispatches_shipped,
        # An order shipped without a slip (by the forwarder, straight from the factory) owes
        # none; once a slip is drawn up, the goods must leave through it.
        applies=rules.has_dispatch,
        satisfy=satisfy_dispatch_gate,
    )
    register_gate(
        transition="settle",
        code="nothing_owed",
        label=_("Nothing owed: payments and deductions cover the order (R21)"),
        cleared_by=_("Finance"),
        check=rules.nothing_owed,
        satisfy=satisfy_settle_gate,
    )
