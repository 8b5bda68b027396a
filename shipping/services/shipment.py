"""Shipping marks (R23), packing list, commercial invoice, freight booking, export papers (R27)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import EventKind
from orders.sizes import ordered_sizes
from orders.timeline import event_message
from orders.uploads import upload_checked
from shipping import permissions
from shipping.choices import ContainerType, ExportDocumentKind, ShippingEvent
from shipping.models import (
    CommercialInvoice,
    ExportDocument,
    FreightBooking,
    PackingList,
    PackingListRow,
    ShippingMarks,
)
from shipping.packing import CartonSpec, pack
from shipping.services.common import ActionRefused, lock_order, record_event
from shipping.services.invoice_requests import r34_take_approved_request


def shipping_marks_save(
    *, order_id: int, user, main_marks: str, side_marks: str = "", artwork=None
) -> ShippingMarks:
    """New or changed marks need the customer's confirmation again (R23)."""
    if not (main_marks or "").strip():
        raise ActionRefused(_("Please give the main marks."))
    with transaction.atomic():
        order = lock_order(order_id, user=user, allowed=permissions.can_handle_shipment)
        marks, _created = ShippingMarks.objects.get_or_create(
            order=order, defaults={"main_marks": main_marks, "recorded_by": user}
        )
        marks.main_marks = main_marks.strip()
        marks.side_marks = (side_marks or "").strip()
        if artwork is not None:
            marks.artwork = upload_checked(artwork, "document")
        marks.recorded_by = user
        marks.updated_at = timezone.now()
        marks.confirmed_on = None
        marks.confirmed_by_customer = ""
        marks.confirmation_reference = ""
        marks.save()
        record_event(
            order,
            kind=EventKind.EDITED,
            actor=user,
            action=ShippingEvent.SHIPPING_MARKS_SAVED,
            message=event_message(
                gettext_noop("Shipping marks saved; waiting for the customer's confirmation (R23)")
            ),
        )
    return marks


def shipping_marks_confirm(
    *, order_id: int, user, confirmed_on: date, confirmed_by: str, reference: str = ""
) -> ShippingMarks:
    if not (confirmed_by or "").strip():
        raise ActionRefused(_("Please say who confirmed the marks on the customer's side."))
    with transaction.atomic():
        order = lock_order(order_id, user=user, allowed=permissions.can_handle_shipment)
        marks = ShippingMarks.objects.filter(order=order).first()
        if marks is None:
            raise ActionRefused(_("Enter the shipping marks first."))
        marks.confirmed_on = confirmed_on
        marks.confirmed_by_customer = confirmed_by.strip()
        marks.confirmation_reference = (reference or "").strip()
        marks.save()
        record_event(
            order,
            kind=EventKind.APPROVAL,
            actor=user,
            action=ShippingEvent.SHIPPING_MARKS_CONFIRMED,
            message=event_message(
                gettext_noop("Customer confirmed the shipping marks: %(who)s %(ref)s"),
                who=marks.confirmed_by_customer,
                ref=marks.confirmation_reference,
            ),
        )
    return marks


def packing_list_write(order, spec: CartonSpec, user) -> PackingList:
    """The packing list by carton for the order's lines as they stand, replacing the rows of
    any earlier one: the generate button, an applied change (R8) and a repeat order (R28) all
    write it so.
    The caller holds the order's lock."""
    lines = [
        (line.colour, dict(ordered_sizes(line.size_breakdown)) or {"-": line.quantity})
        for line in order.lines.all()
    ]
    # The same list drawn up again (its sent versions stay its versions, R8), or a first one.
    packing_list = PackingList.objects.filter(order=order).first() or PackingList(order=order)
    packing_list.pieces_per_carton = spec.pieces_per_carton
    packing_list.net_weight_per_piece_kg = spec.net_weight_per_piece_kg
    packing_list.carton_weight_kg = spec.carton_weight_kg
    packing_list.carton_length_cm = spec.length_cm
    packing_list.carton_width_cm = spec.width_cm
    packing_list.carton_height_cm = spec.height_cm
    packing_list.generated_by = user
    packing_list.generated_at = timezone.now()
    packing_list.save()
    packing_list.rows.all().delete()
    PackingListRow.objects.bulk_create(
        PackingListRow(packing_list=packing_list, **row.__dict__) for row in pack(lines, spec)
    )
    return packing_list


def packing_list_generate(
    *,
    order_id: int,
    user,
    pieces_per_carton: int,
    net_weight_per_piece_kg: Decimal,
    carton_weight_kg: Decimal,
    carton_length_cm: Decimal,
    carton_width_cm: Decimal,
    carton_height_cm: Decimal,
) -> PackingList:
    """The packing list by carton, from the order's size breakdown; generating again replaces
    the previous one."""
    if pieces_per_carton < 1:
        raise ActionRefused(_("A carton holds at least one piece."))
    spec = CartonSpec(
        pieces_per_carton,
        Decimal(net_weight_per_piece_kg),
        Decimal(carton_weight_kg),
        Decimal(carton_length_cm),
        Decimal(carton_width_cm),
        Decimal(carton_height_cm),
    )
    with transaction.atomic():
        order = lock_order(order_id, user=user, allowed=permissions.can_handle_shipment)
        packing_list = packing_list_write(order, spec, user)
        totals = packing_list.totals()
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ShippingEvent.PACKING_LIST_GENERATED,
            message=event_message(
                gettext_noop("Packing list: %(cartons)s cartons, %(pieces)s pieces, %(cbm)s CBM"),
                cartons=totals["cartons"],
                pieces=totals["pieces"],
                cbm=totals["cbm"],
            ),
        )
    return packing_list


def commercial_invoice_issue(
    *, order_id: int, user, number: str, issued_on: date
) -> CommercialInvoice:
    number = (number or "").strip()
    if not number:
        raise ActionRefused(_("Please give the invoice number."))
    with transaction.atomic():
        # R34: finance's invoicing clerk issues it, against an approved invoice request.
        order = lock_order(
            order_id,
            user=user,
            allowed=permissions.can_issue_invoice,
            refusal=_("Only finance issues the commercial invoice (R34)."),
        )
        if CommercialInvoice.objects.exclude(order=order).filter(number=number).exists():
            raise ActionRefused(_("Invoice number %(number)s is taken.") % {"number": number})
        r34_take_approved_request(order, user)
        invoice, _created = CommercialInvoice.objects.update_or_create(
            order=order, defaults={"number": number, "issued_on": issued_on, "issued_by": user}
        )
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ShippingEvent.COMMERCIAL_INVOICE_ISSUED,
            message=event_message(
                gettext_noop("Commercial invoice %(number)s of %(date)s, %(amount)s"),
                number=number,
                date=issued_on,
                amount=order.total_amount,
            ),
        )
    return invoice


def freight_book(*, order_id: int, user, **fields) -> FreightBooking:
    if fields.get("etd") and fields.get("eta") and fields["eta"] < fields["etd"]:
        raise ActionRefused(_("The ETA cannot be before the ETD."))
    with transaction.atomic():
        order = lock_order(order_id, user=user, allowed=permissions.can_handle_shipment)
        booking, _created = FreightBooking.objects.update_or_create(
            order=order, defaults={**fields, "booked_by": user, "booked_at": timezone.now()}
        )
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=ShippingEvent.FREIGHT_BOOKED,
            message=event_message(
                gettext_noop("%(forwarder)s: %(vessel)s, ETD %(etd)s, ETA %(eta)s, %(container)s"),
                forwarder=booking.forwarder,
                vessel=booking.vessel_or_flight,
                etd=booking.etd,
                eta=booking.eta,
                container=ContainerType(booking.container_type).label,
            ),
        )
    return booking


def export_document_record(
    *, order_id: int, user, kind: str, number: str, issued_on: date, scan=None
) -> ExportDocument:
    """R27: one of the export tracking sheet's documents, with its number and date."""
    number = (number or "").strip()
    if not number:
        raise ActionRefused(_("Please give the document number."))
    with transaction.atomic():
        order = lock_order(order_id, user=user, allowed=permissions.can_handle_shipment)
        document, _created = ExportDocument.objects.update_or_create(
            order=order,
            kind=kind,
            defaults={"number": number, "issued_on": issued_on, "recorded_by": user},
        )
        if scan is not None:
            document.scan = upload_checked(scan, "document")
            document.save(update_fields=["scan"])
        record_event(
            order,
            kind=EventKind.DOCUMENT,
            actor=user,
            action=ShippingEvent.EXPORT_DOCUMENT_RECORDED,
            message=event_message(
                gettext_noop("%(document)s %(number)s (%(date)s)"),
                document=ExportDocumentKind(kind).label,
                number=number,
                date=issued_on,
            ),
        )
    return document
