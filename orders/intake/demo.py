"""The intake app's part of the demo: a received order whose delivery date waits for PMC (R13),
an order in review whose request went to PMC when it was submitted,
a direct order whose ORDER CONFIRMATION the sales office signed back and whose P/O it countersigned,
another whose P/O waits for that countersignature (R29), an order under statutory commodity
inspection with its bookings in the plan, and one in inspection whose 商檢 booking and
certificate are recorded (R33)."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.services import document_record_signed_copy, document_send
from orders.intake.choices import CommodityInspectionStep, PmcReplyStatus
from orders.intake.rules import ORDER_CONFIRMATION_FORM
from orders.intake.services import (
    commodity_inspection_record,
    pmc_reply_ask,
    pmc_reply_give,
    po_countersignature_record,
)
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


def _direct_order(demo: DemoOrder, *, suffix: str = "-D", countersigned: bool = True):
    merch = demo.users["merch"]
    order = _new_order(
        demo,
        po_number=f"{demo.order.po_number}{suffix}",
        style_no="JV-1180",
        description="Men's crew-neck basic tee",
        direct_order=True,
    )
    _confirmation_signed_back(order, merch)
    if not countersigned:
        return order  # its P/O waits for the sales office's countersignature (R29)
    po_countersignature_record(
        order_id=order.pk,
        user=merch,
        signed_by_name="營業部 譚先生",
        signed_on=demo.today,
        note="客人P/O已入，營業部加簽確認。",
    )
    return order


def _confirmation_signed_back(order, merch) -> None:
    document = document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=order, user=merch)
    deliver(document.outbox_id)
    signed = render_pdf(get_form(ORDER_CONFIRMATION_FORM), order, document.recipient_language)
    document_record_signed_copy(
        document=document,
        user=merch,
        signed_copy=ContentFile(signed, name="order-confirmation-signed.pdf"),
        signed_by_name="營業部 譚先生",
    )


def _direct_order_replied(demo: DemoOrder) -> None:
    merch = demo.users["merch"]
    order = _direct_order(demo)
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


def _pmc_replied_to_the_review(demo: DemoOrder) -> None:
    """Going for review asked PMC (R13): PMC has replied on the walked orders, but on the first
    one in review, whose request waits on PMC's home page; an order whose ex-factory date has
    passed keeps its request (nobody is reminded of it after intake)."""
    waiting = demo.order.pmc_replies.filter(status=PmcReplyStatus.WAITING).first()
    if waiting is None or (demo.stage == Stage.IN_REVIEW and demo.nth == 0):
        return
    if demo.order.ex_factory_date < demo.today:
        return
    pmc_reply_give(
        reply_id=waiting.pk,
        user=demo.users["pmc"],
        delivery_date=demo.order.ex_factory_date,
        capacity_confirmed=True,
        note="按排期，產能已確認。",
    )


def _commodity_inspection_under_way(demo: DemoOrder) -> None:
    """R33: the order in inspection under statutory inspection has its bureau booking and its
    certificate recorded (their milestones done); the customs booking is still open."""
    if not demo.order.commodity_inspection or demo.stage != Stage.INSPECTION:
        return
    merch = demo.order.merchandiser
    for step, number, days_ago in (
        (CommodityInspectionStep.BOOKED, "CIQ-BK-26-0418", 6),
        (CommodityInspectionStep.PASSED, "440100226118807", 1),
    ):
        commodity_inspection_record(
            order_id=demo.order.pk,
            user=merch,
            step=step,
            number=number,
            on=demo.today - timedelta(days=days_ago),
        )


def intake_demo(demo: DemoOrder) -> None:
    _pmc_replied_to_the_review(demo)
    _commodity_inspection_under_way(demo)
    if demo.stage != Stage.RECEIVED or demo.nth != 0:
        return
    pmc_reply_ask(
        order_id=demo.order.pk,
        user=demo.order.merchandiser,
        note="Quantities and sizes checked against the P/O; the customer asks for the 客期.",
    )
    _direct_order_replied(demo)
    _direct_order(demo, suffix="-D2", countersigned=False)
    _commodity_inspection_order(demo)


register_demo_step("intake", intake_demo)
