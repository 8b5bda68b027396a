"""The intake app's part of the demo: a received order whose delivery date waits for PMC (R13),
a direct order whose ORDER CONFIRMATION the sales office signed back (R29), and an order under
statutory commodity inspection with its bookings in the plan (R33)."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.services import document_record_signed_copy, document_send
from orders.intake.rules import ORDER_CONFIRMATION_FORM
from orders.intake.services import pmc_reply_ask, pmc_reply_give
from orders.outbox.delivery import deliver
from orders.services.orders import order_create


def _new_order(demo: DemoOrder, **fields):
    merch = demo.users["merch"]
    base = demo.order
    data = {
        "customer": base.customer,
        "payment_terms": base.payment_terms,
        "order_date": demo.today,
        "customer_date": demo.today + timedelta(days=95),
        "ex_factory_date": demo.today + timedelta(days=80),
        "factory": base.factory,
        **fields,
    }
    return order_create(user=merch, data=data, lines=_lines())


def _lines() -> list[dict]:
    return [
        {
            "colour": "Charcoal",
            "size_breakdown": {"S": 300, "M": 600, "L": 450, "XL": 150},
            "quantity": 1500,
            "unit_price": Decimal("7.80"),
        }
    ]


def _direct_order(demo: DemoOrder) -> None:
    merch = demo.users["merch"]
    order = _new_order(
        demo,
        po_number=f"{demo.order.po_number}-D",
        style_no="JV-1180",
        description="Men's crew-neck basic tee",
        direct_order=True,
    )
    document = document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=order, user=merch)
    deliver(document.outbox_id)
    signed = render_pdf(get_form(ORDER_CONFIRMATION_FORM), order, document.recipient_language)
    document_record_signed_copy(
        document=document,
        user=merch,
        signed_copy=ContentFile(signed, name="order-confirmation-signed.pdf"),
        signed_by_name="營業部 譚先生",
    )
    # PMC has replied on this one: the written reply to the customer (F-ORD-003) may leave.
    reply = pmc_reply_ask(order_id=order.pk, user=merch, note="JV-1180 翻單，按母板做。")
    pmc_reply_give(
        reply_id=reply.pk,
        user=demo.users["pmc"],
        delivery_date=order.ex_factory_date,
        capacity_confirmed=True,
        note="Line 3, week 22.",
    )


def _commodity_inspection_order(demo: DemoOrder) -> None:
    _new_order(
        demo,
        po_number=f"{demo.order.po_number}-CIQ",
        style_no="KB-2290",
        description="Children's knitted cardigan (statutory inspection 法定商檢)",
        commodity_inspection=True,
    )


def intake_demo(demo: DemoOrder) -> None:
    if demo.stage != Stage.RECEIVED or demo.nth != 0:
        return
    pmc_reply_ask(
        order_id=demo.order.pk,
        user=demo.order.merchandiser,
        note="Quantities and sizes checked against the P/O; the customer asks for the 客期.",
    )
    _direct_order(demo)
    _commodity_inspection_order(demo)


register_demo_step("intake", intake_demo)
