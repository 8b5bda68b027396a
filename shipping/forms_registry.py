"""The shipping app's printable forms: L/G letter, inspection certificate, packing list,
commercial invoice, delivery note."""

from django.utils.translation import gettext_lazy as _

from orders.documents.registry import FormSpec, register_form
from shipping.models import (
    CERTIFICATE_FORM,
    DELIVERY_NOTE_FORM,
    INVOICE_FORM,
    LG_FORM,
    PACKING_LIST_FORM,
)


def _lg_context(letter) -> dict:
    report = letter.report
    return {
        "letter": letter,
        "order": letter.order,
        "report": report,
        "counts": list(report.counts.all()),
        "defects": list(report.defects.all()),
    }


def _certificate_context(certificate) -> dict:
    report = certificate.report
    return {
        "certificate": certificate,
        "order": certificate.order,
        "report": report,
        "booking": report.booking,
        "counts": list(report.counts.all()),
    }


def _packing_context(packing_list) -> dict:
    return {
        "packing_list": packing_list,
        "order": packing_list.order,
        "rows": list(packing_list.rows.all()),
        "totals": packing_list.totals(),
        "marks": getattr(packing_list.order, "shipping_marks", None),
    }


def _invoice_context(invoice) -> dict:
    order = invoice.order
    return {
        "invoice": invoice,
        "order": order,
        "lines": list(order.lines.all()),
        "total": order.total_amount,
        "freight": getattr(order, "freight_booking", None),
    }


def _delivery_note_context(dispatch) -> dict:
    from decimal import Decimal

    from orders.money import Money

    lines = list(dispatch.lines.all())
    order = dispatch.order
    return {
        "dispatch": dispatch,
        "order": order,
        "lines": lines,
        "total_quantity": sum(line.shipped_quantity for line in lines),
        "total_cartons": sum(line.shipped_cartons for line in lines),
        "total": Money(sum((line.amount for line in lines), Decimal("0")), order.currency),
    }


def _customer_recipient(obj):
    from shipping.services.dispatch import customer_recipient

    return customer_recipient(obj.order.customer)


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
            signatures=(_("Merchandiser"), _("Approved by"), _("Factory's responsible person")),
        )
    )
    register_form(
        FormSpec(
            code=CERTIFICATE_FORM,
            name=_("INSPECTION CERTIFICATE"),
            model="shipping.InspectionCertificate",
            template="shipping/forms/inspection_certificate.html",
            order_of=lambda certificate: certificate.order,
            recipient=lambda certificate: certificate.order.factory,
            context=_certificate_context,
            reference=lambda certificate: f"{certificate.order} · {certificate.number}",
            signatures=(_("Inspector"), _("QC manager")),
        )
    )
    register_form(
        FormSpec(
            code=PACKING_LIST_FORM,
            name=_("Packing list"),
            model="shipping.PackingList",
            template="shipping/forms/packing_list.html",
            order_of=lambda packing_list: packing_list.order,
            recipient=lambda packing_list: packing_list.order.factory,
            context=_packing_context,
            reference=lambda packing_list: str(packing_list.order),
        )
    )
    register_form(
        FormSpec(
            code=INVOICE_FORM,
            name=_("Commercial invoice"),
            model="shipping.CommercialInvoice",
            template="shipping/forms/commercial_invoice.html",
            order_of=lambda invoice: invoice.order,
            recipient=lambda invoice: invoice.order.customer,
            context=_invoice_context,
            reference=lambda invoice: f"{invoice.order} · {invoice.number}",
            signatures=(_("Authorised signature"),),
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
            signatures=(_("Finance"), _("Sales administration"), _("Warehouse"), _("Received by")),
        )
    )
