"""The statements' part of the demo (R31, R20): Eastern Pearl Trading settles monthly; last
month it was invoiced for two shipments, paid part of one and was given a claim. Its statement
went out and the customer disputed the claim line; the balance is unpaid, so its new order in
review waits at the credit gate for last month to be cleared. The two invoices went out together
at their cut-off and wait for the customer to confirm their receipt.

Harbour Line Garments settles monthly too: two months ago it disputed a claim line on paper,
finance resolved it with a credit note, which is a line of last month's statement, which the
customer signed on paper."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile

from orders.choices import PaymentTerms, Settlement, Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.models import Customer, CustomerContact
from orders.services.orders import order_create
from shipping.choices import DeductionSource, PaymentKind
from shipping.demo import invoice_through_request
from shipping.models import Deduction
from shipping.services import deduction_record, packing_list_generate, payment_record
from shipping.statements.demo_walk import on_day, walk
from shipping.statements.invoice_runs import invoice_run_generate, invoice_run_send
from shipping.statements.ledger import previous_month
from shipping.statements.models import STATEMENT_FORM, InvoicingPolicy, Statement
from shipping.statements.services import (
    statement_answer,
    statement_confirm_on_paper,
    statement_dispute_on_paper,
    statement_generate,
    statement_resolve,
    statement_send,
)

CUSTOMER = "Eastern Pearl Trading Co."


def _customer(name: str = CUSTOMER, email: str = "accounts@easternpearl.example") -> Customer:
    customer, _created = Customer.objects.get_or_create(
        name=name,
        defaults={
            "country": "Hong Kong",
            "language": "zh-hant",
            "default_payment_terms": PaymentTerms.OPEN_ACCOUNT,
            "settlement": Settlement.MONTHLY,
        },
    )
    CustomerContact.objects.get_or_create(
        customer=customer, name="陳美玲", defaults={"email": email}
    )
    return customer


def _order(demo: DemoOrder, customer, po_number: str, quantity: int, price: str, ordered):
    return order_create(
        user=demo.users["merch"],
        data={
            "customer": customer,
            "po_number": po_number,
            "style_no": f"EP-{po_number[-3:]}",
            "description": "Ladies' knitted cardigan",
            "payment_terms": PaymentTerms.OPEN_ACCOUNT,
            "order_date": ordered,
            "customer_date": ordered + timedelta(days=75),
            "ex_factory_date": ordered + timedelta(days=60),
            "factory": demo.order.factory,
        },
        lines=[{"colour": "Ivory", "quantity": quantity, "unit_price": Decimal(price)}],
        entered_on=ordered,  # the office's history, entered when it happened
    )


def statements_demo(demo: DemoOrder) -> None:
    if demo.stage != Stage.SETTLED or demo.nth != 0:
        return
    customer = _customer()
    period = previous_month(demo.today)
    if Statement.objects.filter(customer=customer, period=period).exists():
        return
    finance = demo.users["finance"]
    first = _order(demo, customer, "EPT-2701", 2400, "6.80", period - timedelta(days=70))
    second = _order(demo, customer, "EPT-2702", 1800, "7.25", period - timedelta(days=55))
    for order in (first, second):
        walk(demo, order, Stage.SHIPPING)
        packing_list_generate(
            order_id=order.pk, user=order.merchandiser, pieces_per_carton=24,
            net_weight_per_piece_kg=Decimal("0.350"), carton_weight_kg=Decimal("1.100"),
            carton_length_cm=Decimal("58"), carton_width_cm=Decimal("38"),
            carton_height_cm=Decimal("32"),
        )  # fmt: skip
    invoice_through_request(first, number="CI-EPT-2701", issued_on=period + timedelta(days=4))
    invoice_through_request(second, number="CI-EPT-2702", issued_on=period + timedelta(days=17))
    payment_record(
        order_id=first.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("10000.00"),
        received_on=period + timedelta(days=24), reference="HSBC-EPT-0925",
    )  # fmt: skip
    claim = deduction_record(
        order_id=second.pk, user=finance, source=DeductionSource.CLAIM,
        amount=Decimal("652.50"), reason="90 pcs with broken buttons (customer's QC report)",
    )  # fmt: skip
    Deduction.objects.filter(pk=claim.pk).update(recorded_at=on_day(period + timedelta(days=26)))
    statement = statement_generate(customer=customer, period=period, user=finance)
    statement_send(statement_id=statement.pk, user=finance)
    line = statement.lines.get(kind="claim")
    statement_answer(
        statement_id=statement.pk,
        name="陳美玲",
        agreed=False,
        disputed={line.pk: "We counted 120 pieces with broken buttons, not 90."},
        comment="Please check the claim amount.",
    )
    waiting = _order(demo, customer, "EPT-2703", 3000, "6.95", demo.today - timedelta(days=3))
    walk(demo, waiting, Stage.IN_REVIEW)
    # R31: both invoices went out together at the second invoice's cut-off; no receipt yet.
    cutoff = InvoicingPolicy.current().window(period + timedelta(days=17))[1]
    run = invoice_run_generate(customer=customer, cutoff=cutoff, user=finance)
    invoice_run_send(run_id=run.pk, user=finance)
    _corrected_on_paper(demo, period)


def _scan(statement) -> ContentFile:
    """The customer's signed or annotated copy, as finance scans it."""
    from orders.documents.registry import get_form
    from orders.documents.render import render_pdf

    data = render_pdf(get_form(STATEMENT_FORM), statement, statement.customer.language)
    return ContentFile(data, name=f"{statement.label}-customer.pdf")


def _corrected_on_paper(demo: DemoOrder, last_month) -> None:
    """Two months ago: a claim disputed on paper, resolved with a credit note; last month's
    statement carries the credit note and came back signed."""
    finance = demo.users["finance"]
    customer = _customer("Harbour Line Garments Ltd.", "ap@harbourline.example")
    earlier = previous_month(last_month)
    order = _order(demo, customer, "HLG-3101", 2000, "5.60", earlier - timedelta(days=60))
    walk(demo, order, Stage.SHIPPING)
    packing_list_generate(
        order_id=order.pk, user=order.merchandiser, pieces_per_carton=20,
        net_weight_per_piece_kg=Decimal("0.300"), carton_weight_kg=Decimal("1.000"),
        carton_length_cm=Decimal("56"), carton_width_cm=Decimal("36"),
        carton_height_cm=Decimal("30"),
    )  # fmt: skip
    invoice_through_request(order, number="CI-HLG-3101", issued_on=earlier + timedelta(days=6))
    claim = deduction_record(
        order_id=order.pk, user=finance, source=DeductionSource.CLAIM,
        amount=Decimal("280.00"), reason="50 pcs off-shade (customer's QC report)",
    )  # fmt: skip
    Deduction.objects.filter(pk=claim.pk).update(recorded_at=on_day(earlier + timedelta(days=20)))
    disputed = statement_generate(customer=customer, period=earlier, user=finance)
    statement_send(statement_id=disputed.pk, user=finance)
    line = disputed.lines.get(kind="claim")
    statement_dispute_on_paper(
        statement_id=disputed.pk, user=finance, name="黃志強",
        disputed_on=last_month + timedelta(days=2),
        disputed={line.pk: "70 件色差，不是 50 件"}, reason="70 件色差，不是 50 件",
        scan=_scan(disputed),
    )  # fmt: skip
    resolved = statement_resolve(
        statement_id=disputed.pk, user=finance,
        resolution="雙方核對後同意多計 20 件色差，開貸項通知單 USD 112.00",
        credit=Decimal("112.00"), order_id=order.pk,
    )  # fmt: skip
    Deduction.objects.filter(pk=resolved.correction_id).update(
        recorded_at=on_day(last_month + timedelta(days=5))
    )
    payment_record(
        order_id=order.pk, user=finance, kind=PaymentKind.BALANCE, amount=Decimal("10808.00"),
        received_on=last_month + timedelta(days=12), reference="BOC-HLG-1102",
    )  # fmt: skip
    confirmed = statement_generate(customer=customer, period=last_month, user=finance)
    statement_send(statement_id=confirmed.pk, user=finance)
    statement_confirm_on_paper(
        statement_id=confirmed.pk, user=finance, name="黃志強",
        confirmed_on=demo.today,
        scan=_scan(confirmed), comment="客戶蓋章回傳",
    )  # fmt: skip


register_demo_step("statements", statements_demo)
