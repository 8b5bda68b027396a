"""The shipping app's part of the demo: inspections booked and reported (one failed and
shipping under an L/G in progress, R7), shipment papers on the orders being shipped (R23, R27)
and their payments paid, partly paid and overdue (R21)."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from orders.choices import PaymentTerms, Stage
from orders.demo.contributors import DemoOrder, register_demo_step, register_gate_walk
from orders.roles import Role
from shipping import rules
from shipping.choices import (
    ContainerType,
    DefectClass,
    ExportDocumentKind,
    FailureDecision,
    InspectionKind,
    InspectorParty,
    InvoiceRequestStatus,
    PaymentKind,
    TransportMode,
)
from shipping.services import (
    commercial_invoice_issue,
    export_document_record,
    invoice_request_approve,
    invoice_request_raise,
    packing_list_generate,
)
from shipping.services.dispatch import (
    cartons_by_colour,
    dispatch_approve_prices,
    dispatch_confirm_prepared,
    dispatch_create,
    dispatch_print_delivery_note,
    dispatch_ship,
    dispatch_sign_delivery_note,
    walk_to_shipped,
)
from shipping.services.inspections import (
    book_inspection,
    failure_decide,
    inspection_book,
    inspection_report_record,
    record_inspection_report,
)
from shipping.services.letters import guarantee_letter_create
from shipping.services.settlement import create_payment, payment_record
from shipping.services.shipment import freight_book, shipping_marks_confirm, shipping_marks_save


def _book(demo: DemoOrder, kind: str, *, in_days: int, party: str = InspectorParty.OWN_QC):
    return inspection_book(
        order_id=demo.order.pk,
        user=demo.users["qc"],
        kind=kind,
        party=party,
        planned_date=demo.today + timedelta(days=in_days),
        inspection_company="SGS Hong Kong" if party == InspectorParty.THIRD_PARTY else "",
    )


def _report(demo: DemoOrder, booking, *, major: int, minor: int, defects=()):
    return inspection_report_record(
        booking_id=booking.pk,
        user=demo.users["qc"],
        inspected_on=booking.planned_date,
        quantity_presented=booking.lot_size,
        defects_found={DefectClass.MAJOR: major, DefectClass.MINOR: minor},
        defects=list(defects),
        cartons_opened=8,
        remarks="已對照已批 PP 辦及物料咭檢查。",
    )


FAILED_DEFECTS = [
    {"defect_class": DefectClass.MAJOR, "description": "Open seam at side seam", "quantity": 9},
    {"defect_class": DefectClass.MAJOR, "description": "Panel shade variation", "quantity": 7},
    {"defect_class": DefectClass.MINOR, "description": "Untrimmed threads", "quantity": 6},
]  # fmt: skip


def _inspections(demo: DemoOrder) -> None:
    manager = demo.users["manager"]
    if demo.stage == Stage.IN_PRODUCTION and demo.nth in (0, 1):
        inline = _book(demo, InspectionKind.INLINE, in_days=-5)
        _report(demo, inline, major=1, minor=3)
    if demo.stage != Stage.INSPECTION:
        return
    if demo.nth == 0:
        _book(demo, InspectionKind.FINAL, in_days=3)  # booked, not yet inspected
    elif demo.nth == 1:
        # Failed; the head decided to ship under L/G; the letter waits for the factory's signature.
        report = _report(
            demo, _book(demo, InspectionKind.FINAL, in_days=-2), major=16, minor=6,
            defects=FAILED_DEFECTS,
        )  # fmt: skip
        failure_decide(
            report_id=report.pk,
            user=manager,
            decision=FailureDecision.SHIP_UNDER_LG,
            reason="客期不能改；工廠包裝前修好爆口。",
        )
        factory_contact = demo.order.factory.contacts.first()
        guarantee_letter_create(
            report_id=report.pk,
            user=demo.order.merchandiser,
            factory_responsible=factory_contact.name if factory_contact else "廠長",
        )
    elif demo.nth == 2:
        _report(demo, _book(demo, InspectionKind.FINAL, in_days=-1), major=1, minor=2)
    elif demo.nth == 3:
        # Failed, rework: the re-inspection is booked by the decision.
        report = _report(
            demo, _book(demo, InspectionKind.FINAL, in_days=-3), major=16, minor=4,
            defects=FAILED_DEFECTS[:2],
        )  # fmt: skip
        failure_decide(
            report_id=report.pk,
            user=manager,
            decision=FailureDecision.REWORK,
            reason="Rework the seams, re-inspect before the vessel cut-off.",
            reinspection_date=demo.today + timedelta(days=4),
        )
    elif demo.nth == 4:
        _book(demo, InspectionKind.FINAL, in_days=8, party=InspectorParty.THIRD_PARTY)


def _shipment(demo: DemoOrder) -> None:
    """Orders being shipped: marks, packing list, freight and part of the R27 papers; their
    money is pending, partly paid, overdue or all in."""
    if demo.stage != Stage.SHIPPING:
        return
    order, user, finance = demo.order, demo.order.merchandiser, demo.users["finance"]
    shipped = order.ex_factory_date
    shipping_marks_save(
        order_id=order.pk,
        user=user,
        main_marks=f"{order.customer.name}\nP/O {order.po_number}\nSTYLE {order.style_no}\n"
        "C/NO. 1-UP\nMADE IN CHINA",
        side_marks="COLOUR / SIZE / QTY\nN.W. / G.W. / MEAS.",
    )
    if demo.nth != 3:  # the fourth one's marks still wait for the customer (R23)
        shipping_marks_confirm(
            order_id=order.pk,
            user=user,
            confirmed_on=shipped - timedelta(days=20),
            confirmed_by=order.customer.contacts.first().name,
            reference="e-mail",
        )
    packing_list_generate(
        order_id=order.pk,
        user=user,
        pieces_per_carton=24,
        net_weight_per_piece_kg=Decimal("0.320"),
        carton_weight_kg=Decimal("1.150"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("35"),
    )
    freight_book(
        order_id=order.pk,
        user=user,
        forwarder="Kerry Logistics",
        mode=TransportMode.SEA,
        vessel_or_flight=f"OOCL Hong Kong V.{order.pk:03d}E",
        port_of_loading="Yantian",
        port_of_discharge="Los Angeles" if order.currency == "USD" else "Hamburg",
        etd=shipped + timedelta(days=2),
        eta=shipped + timedelta(days=20),
        container_type=ContainerType.GP40 if demo.nth % 2 else ContainerType.LCL,
    )
    if demo.nth == 4:  # R34: its invoice request waits for the group head's signature
        invoice_request_raise(order_id=order.pk, user=user, note="Full shipment, B/L to follow.")
    else:
        invoice_through_request(order, number=f"CI-{order.po_number}", issued_on=shipped)
    bl_date = shipped + timedelta(days=2)  # starts the payment clock (R21)
    kinds = [ExportDocumentKind.BILL_OF_LADING, ExportDocumentKind.CUSTOMS_DECLARATION]
    if demo.nth in (0, 2):
        kinds.append(ExportDocumentKind.CERTIFICATE_OF_ORIGIN)
    for kind in kinds:
        export_document_record(
            order_id=order.pk,
            user=user,
            kind=kind,
            number=f"{kind[:4].upper()}-{order.po_number}",
            issued_on=bl_date if kind == ExportDocumentKind.BILL_OF_LADING else shipped,
        )
    owed = rules.balance(order).owed.amount
    kind = (
        PaymentKind.LC_NEGOTIATION
        if order.payment_terms == PaymentTerms.LETTER_OF_CREDIT
        else PaymentKind.BALANCE
    )
    paid = {0: owed * Decimal("0.4"), 2: owed}.get(demo.nth)
    if paid:
        payment_record(
            order_id=order.pk,
            user=finance,
            kind=kind,
            amount=paid.quantize(Decimal("0.01")),
            received_on=demo.today - timedelta(days=3),
            reference=f"TT-{order.pk:05d}",
        )


def _dispatch(demo: DemoOrder) -> None:
    """The fully paid order left the warehouse: its slip walked by each role to the waybill
    (R15), so the delivery note (SHP-DN) prints with every signature."""
    if demo.stage != Stage.SHIPPING or demo.nth != 2:
        return
    order, users = demo.order, demo.users
    cartons = cartons_by_colour(order) or {}
    dispatch = dispatch_create(
        order_id=order.pk,
        user=order.merchandiser,
        lines=[
            {"order_line_id": line.pk, "quantity": line.quantity, "cartons": cartons[line.colour]}
            for line in order.lines.all()
        ],
    )
    dispatch_approve_prices(dispatch_id=dispatch.pk, user=users["admin_clerk"])
    dispatch_confirm_prepared(
        dispatch_id=dispatch.pk,
        user=users["warehouse"],
        prepared={line.pk: (line.quantity, line.cartons) for line in dispatch.lines.all()},
    )
    dispatch_print_delivery_note(dispatch_id=dispatch.pk, user=users["finance"])
    dispatch_sign_delivery_note(dispatch_id=dispatch.pk, user=users["admin_clerk"])
    dispatch_ship(
        dispatch_id=dispatch.pk, user=users["warehouse"], waybill="SF1402 5566 778", carrier="SF"
    )


def shipping_demo(demo: DemoOrder) -> None:
    _inspections(demo)
    _shipment(demo)
    _dispatch(demo)


register_demo_step("shipping", shipping_demo)


# ---- the gates' walks (orders.demo.contributors): what a user does to meet each gate ----------


def satisfy_inspection_gate(order) -> None:
    """What QC does to meet the gate: a final inspection booked and passed (demo data, tests)."""
    user = order.merchandiser
    with transaction.atomic():
        booking = book_inspection(
            order,
            user,
            kind=InspectionKind.FINAL,
            party=InspectorParty.OWN_QC,
            planned_date=order.ex_factory_date,
            lot_size=max(order.total_quantity, 1),
            level="II",
            aqls=("0.010", "2.5", "4.0"),
        )
        record_inspection_report(
            booking,
            user,
            defects_found={},
            defects=[],
            inspected_on=timezone.localdate(),
            quantity_presented=booking.lot_size,
        )


def someone_with(role: str, *, besides=None):
    """An active user holding `role` (demo data, tests), else a superuser."""
    users = get_user_model().objects.filter(is_active=True).exclude(pk=getattr(besides, "pk", None))
    found = users.filter(groups__name=role).order_by("pk").first()
    found = found or users.filter(is_superuser=True).order_by("pk").first()
    if found is None:
        raise LookupError(f"nobody holds the role {role}")
    return found


def invoice_through_request(order, *, number: str, issued_on):
    """R34 walked as the office walks it (demo data, tests): the merchandiser raises the
    invoice request, each configured level signs, finance issues the commercial invoice."""
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
    for dispatch in order.dispatches.all():
        if not dispatch.shipped:
            walk_to_shipped(dispatch, user=order.merchandiser)


register_gate_walk("ship", "inspection_passed", satisfy_inspection_gate)
register_gate_walk("settle", "export_documents", satisfy_settle_gate)
register_gate_walk("settle", "dispatch_shipped", satisfy_dispatch_gate)
register_gate_walk("settle", "nothing_owed", satisfy_settle_gate)
