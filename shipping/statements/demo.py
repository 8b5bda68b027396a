"""The statements' part of the demo (R31, R20): Eastern Pearl Trading settles monthly; last
month it was invoiced for two shipments, paid part of one and was given a claim. Its statement
went out and the customer disputed the claim line; the balance is unpaid, so its new order in
review waits at the credit gate for last month to be cleared."""

from datetime import timedelta
from decimal import Decimal

from orders.choices import PaymentTerms, Settlement, Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.models import Customer, CustomerContact
from orders.services.orders import order_create
from shipping.choices import DeductionSource, PaymentKind
from shipping.demo import invoice_through_request
from shipping.models import Deduction
from shipping.services import deduction_record, packing_list_generate, payment_record
from shipping.statements.demo_walk import on_day, walk
from shipping.statements.ledger import previous_month
from shipping.statements.models import Statement
from shipping.statements.services import statement_answer, statement_generate, statement_send

CUSTOMER = "Eastern Pearl Trading Co."


def _customer() -> Customer:
    customer, _created = Customer.objects.get_or_create(
        name=CUSTOMER,
        defaults={
            "country": "Hong Kong",
            "language": "zh-hant",
            "default_payment_terms": PaymentTerms.OPEN_ACCOUNT,
            "settlement": Settlement.MONTHLY,
        },
    )
    CustomerContact.objects.get_or_create(
        customer=customer, name="陳美玲", defaults={"email": "accounts@easternpearl.example"}
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


register_demo_step("statements", statements_demo)
