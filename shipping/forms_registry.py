"""The shipping app's printable forms: L/G letter, inspection certificate, packing list,
commercial invoice, delivery note."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect
from orders.choices import Stage
from orders.documents.builtin_forms import ORDER_NOT_CANCELLED
from orders.documents.images import picture_data_uri
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient
from orders.money import Money
from orders.templatetags.gendan import person
from shipping.choices import DispatchStep
from shipping.models import (
    CERTIFICATE_FORM,
    DELIVERY_NOTE_FORM,
    INVOICE_FORM,
    LG_FORM,
    PACKING_LIST_FORM,
)
from shipping.permissions import can_handle_shipment
from shipping.services.letters import guarantee_letter_signed_by_factory


def _lg_context(letter) -> dict:
    report = letter.report
    return {
        "letter": letter,
        "order": letter.order,
        "report": report,
        "booking": report.booking,
        "counts": list(report.counts.all()),
        "defects": list(report.defects.all()),
        "order_quantity": letter.order.total_quantity,
    }


# Photos print about 6 cm wide: enough to see a stain, small enough for the e-mail.
PHOTO_PIXELS = 600


def _certificate_context(certificate) -> dict:
    report = certificate.report
    booking = report.booking
    photos = (picture_data_uri(each.photo, max_pixels=PHOTO_PIXELS) for each in report.photos.all())
    return {
        "certificate": certificate,
        "order": certificate.order,
        "report": report,
        "booking": booking,
        "counts": list(report.counts.all()),
        "defects": [
            (defect, picture_data_uri(defect.photo, max_pixels=PHOTO_PIXELS))
            for defect in report.defects.all()
        ],
        "measurements": list(report.measurement_rows.all()),
        "photos": [uri for uri in photos if uri],
        "inspector": booking.inspector_name or person(report.recorded_by),
        "order_quantity": certificate.order.total_quantity,
    }


def _packing_context(packing_list) -> dict:
    order = packing_list.order
    return {
        "packing_list": packing_list,
        "order": order,
        "rows": list(packing_list.rows.all()),
        "totals": packing_list.totals(),
        "marks": getattr(order, "shipping_marks", None),
        "invoice": getattr(order, "commercial_invoice", None),
        "freight": getattr(order, "freight_booking", None),
    }


def _invoice_context(invoice) -> dict:
    order = invoice.order
    lines = list(order.lines.all())
    packing_list = getattr(order, "packing_list", None)
    return {
        "invoice": invoice,
        "order": order,
        "lines": lines,
        "total": order.total_amount,
        "total_quantity": sum(line.quantity for line in lines),
        "freight": getattr(order, "freight_booking", None),
        "marks": getattr(order, "shipping_marks", None),
        "packing": packing_list.totals() if packing_list else None,
    }


def _delivery_note_context(dispatch) -> dict:
    lines = list(dispatch.lines.all())
    order = dispatch.order
    done = {record.step: record.done_at for record in dispatch.steps.all()}
    return {
        "dispatch": dispatch,
        "order": order,
        "lines": lines,
        "total_quantity": sum(line.shipped_quantity for line in lines),
        "total_cartons": sum(line.shipped_cartons for line in lines),
        "total": Money(sum((line.amount for line in lines), Decimal("0")), order.currency),
        "note_date": done.get(DispatchStep.NOTE_PRINTED),
        "shipped_on": done.get(DispatchStep.SHIPPED),
    }


def _customer_recipient(obj):
    return customer_recipient(obj.order.customer)


def _inspector(certificate):
    booking = certificate.report.booking
    if booking.inspector_name:
        return booking.inspector_name, certificate.report.inspected_on
    return signed_by(certificate.report.recorded_by, certificate.report.inspected_on)


def _step_signer(step):
    def signer(dispatch):
        record = next((r for r in dispatch.steps.all() if r.step == step), None)
        return signed_by(record.actor, record.done_at) if record else None

    return signer


def _lg_signed(letter, document, name: str) -> None:
    guarantee_letter_signed_by_factory(letter, document, name)


def _certificate_earned(certificate) -> bool:
    """R7: a certificate goes out for a passed inspection, or a failed one shipped under an
    approved L/G."""
    letter = certificate.guarantee_letter
    return certificate.report.passed or (letter is not None and letter.is_approved)


def _shipping_rule(*requirements: Requirement) -> SendRule:
    return SendRule(
        who=can_handle_shipment,
        who_refusal=_("Only the order's merchandisers, managers and administration send it."),
        when=(*requirements, ORDER_NOT_CANCELLED),
    )


LG_SEND_RULE = _shipping_rule(
    Requirement(
        lambda letter: letter.report.ships_under_lg,
        _("the manager or general manager has not decided to ship under L/G (R7)"),
    )
)
CERTIFICATE_SEND_RULE = _shipping_rule(
    Requirement(
        _certificate_earned,
        _("the inspection did not pass and no shipment under L/G was approved (R7)"),
    )
)
PACKING_LIST_SEND_RULE = _shipping_rule(
    Requirement(lambda packing_list: packing_list.rows.exists(), _("the list has no cartons")),
    Requirement(
        lambda packing_list: (
            getattr(packing_list.order, "shipping_marks", None) is not None
            and packing_list.order.shipping_marks.confirmed
        ),
        _("the customer has not confirmed the shipping marks (R23)"),
    ),
)
INVOICE_SEND_RULE = _shipping_rule(
    Requirement(
        lambda order: order.stage in (Stage.SHIPPING, Stage.SETTLED),
        _("the goods are not cleared for shipment yet"),
        on_order=True,
    )
)
DELIVERY_NOTE_SEND_RULE = _shipping_rule(
    Requirement(
        lambda dispatch: dispatch.shipped, _("the goods have not left with a waybill yet (R15)")
    )
)


def register_forms() -> None:
    register_form(
        FormSpec(
            code=LG_FORM,
            name=_("L/G letter (letter of guarantee)"),
            model="shipping.GuaranteeLetter",
            template="shipping/forms/lg_letter.html",
            order_of=lambda letter: letter.order,
            recipient=lambda letter: letter.order.factory,
            context=_lg_context,
            reference=lambda letter: str(letter.order),
            signatures=(
                Signature(
                    _("Merchandiser"), signer=lambda lg: signed_by(lg.created_by, lg.created_at)
                ),
                Signature(
                    _("Shipment approved by"),
                    signer=lambda lg: signed_by(lg.approved_by, lg.approved_at),
                ),
                Signature(
                    _("Factory's responsible person"),
                    company=True,
                    signer=lambda lg: (lg.signed_by_name or lg.factory_responsible, lg.signed_at),
                ),
            ),
            send_rule=LG_SEND_RULE,
            on_signed_copy=_lg_signed,
        )
    )
    register_form(
        FormSpec(
            code=CERTIFICATE_FORM,
            name=_("INSPECTION CERTIFICATE"),
            model="shipping.InspectionCertificate",
            template="shipping/forms/inspection_certificate.html",
            order_of=lambda certificate: certificate.order,
            recipient=_customer_recipient,
            context=_certificate_context,
            reference=lambda certificate: f"{certificate.order} · {certificate.number}",
            signatures=(
                Signature(_("Inspector"), signer=_inspector),
                Signature(
                    _("Issued by"),
                    company=True,
                    signer=lambda c: signed_by(c.issued_by, c.issued_at),
                ),
            ),
            send_rule=CERTIFICATE_SEND_RULE,
        )
    )
    register_form(
        FormSpec(
            code=PACKING_LIST_FORM,
            name=_("Packing list"),
            model="shipping.PackingList",
            template="shipping/forms/packing_list.html",
            order_of=lambda packing_list: packing_list.order,
            recipient=_customer_recipient,
            context=_packing_context,
            reference=lambda packing_list: str(packing_list.order),
            # R8: new quantities or new cartons draw the list up again; the customer gets it again.
            revised_by=frozenset({Aspect.QUANTITY, Aspect.PACKING}),
            signatures=(
                Signature(
                    _("Prepared by"),
                    signer=lambda pl: signed_by(pl.generated_by, pl.generated_at),
                ),
                Signature(_("Customer: received and confirmed"), company=True),
            ),
            send_rule=PACKING_LIST_SEND_RULE,
        )
    )
    register_form(
        FormSpec(
            code=INVOICE_FORM,
            name=_("Commercial invoice"),
            model="shipping.CommercialInvoice",
            template="shipping/forms/commercial_invoice.html",
            order_of=lambda invoice: invoice.order,
            recipient=_customer_recipient,
            context=_invoice_context,
            reference=lambda invoice: f"{invoice.order} · {invoice.number}",
            signatures=(Signature(_("Authorised signature"), company=True),),
            send_rule=INVOICE_SEND_RULE,
        )
    )
    register_form(
        FormSpec(
            code=DELIVERY_NOTE_FORM,
            name=_("Delivery note"),
            model="shipping.Dispatch",
            template="shipping/forms/delivery_note.html",
            order_of=lambda dispatch: dispatch.order,
            recipient=_customer_recipient,
            context=_delivery_note_context,
            reference=lambda dispatch: f"{dispatch.order} · {dispatch.number}",
            signatures=(
                Signature(_("Finance"), signer=_step_signer(DispatchStep.NOTE_PRINTED)),
                Signature(_("Sales administration"), signer=_step_signer(DispatchStep.NOTE_SIGNED)),
                Signature(_("Warehouse"), signer=_step_signer(DispatchStep.SHIPPED)),
                Signature(_("Received by (customer)"), company=True),
            ),
            send_rule=DELIVERY_NOTE_SEND_RULE,
        )
    )
