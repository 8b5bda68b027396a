"""The credit app's part of the demo (R20): a customer over its credit limit whose new order
waits, in review, for the manager to approve the salesperson's guarantee."""

from datetime import timedelta
from decimal import Decimal

from orders.choices import Decision, PaymentTerms, Stage
from orders.credit.services import guarantee_give
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.models import Customer, CustomerContact
from orders.models.review import CONTRACT_CHECK_ITEMS
from orders.services.orders import order_create
from orders.services.review import approval_record, contract_check_update
from orders.services.transitions import order_transition

CUSTOMER = "Harbour Line Trading Ltd."


def credit_demo(demo: DemoOrder) -> None:
    if demo.stage != Stage.IN_REVIEW or demo.nth != 0:
        return
    merch, manager = demo.users["merch"], demo.users["manager"]
    customer, _created = Customer.objects.get_or_create(
        name=CUSTOMER,
        defaults={
            "country": "Australia",
            "default_payment_terms": PaymentTerms.OPEN_ACCOUNT,
            "credit_limit": Decimal("20000"),
            "credit_currency": "USD",
            "salesperson": merch,
        },
    )
    CustomerContact.objects.get_or_create(
        customer=customer, name="Liam Walsh", defaults={"email": "liam.walsh@harbourline.example"}
    )
    order = order_create(
        user=merch,
        data={
            "customer": customer,
            "po_number": "HLT-2701",
            "style_no": "HL-330",
            "description": "Men's quilted jacket",
            "payment_terms": PaymentTerms.OPEN_ACCOUNT,
            "order_date": demo.today,
            "customer_date": demo.today + timedelta(days=100),
            "ex_factory_date": demo.today + timedelta(days=90),
            "factory": demo.order.factory,
        },
        lines=[{"colour": "Navy", "quantity": 3000, "unit_price": Decimal("8.40")}],
    )
    contract_check_update(
        order_id=order.pk,
        user=merch,
        items={field: True for field, _label in CONTRACT_CHECK_ITEMS},
        customer_signed=True,
    )
    order_transition(order_id=order.pk, user=merch, name="submit_for_review")
    approval_record(order_id=order.pk, user=manager, decision=Decision.APPROVED)
    guarantee_give(
        order_id=order.pk,
        user=merch,
        note="USD 25,200 超出 USD 20,000 的信用額度；客戶自 2019 年起一直按時付款。",
    )


register_demo_step("credit", credit_demo)
