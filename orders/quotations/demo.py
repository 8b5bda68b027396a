"""The quotations app's part of the demo (R18): for the first customer's first new order, one
quotation in every state, a special price waiting for the general manager or the deputy, and a
won one turned into its order."""

from datetime import timedelta
from decimal import Decimal

from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.quotations.choices import CostBasis, CostKind
from orders.quotations.models import Quotation
from orders.quotations.services import (
    costing_save,
    quotation_approve,
    quotation_create,
    quotation_create_order,
    quotation_expire,
    quotation_lose,
    quotation_requote,
    quotation_send,
    quotation_submit,
    quotation_win,
)

COSTING = [
    (CostKind.FACTORY_PRICE, CostBasis.PER_PIECE, "31.50", "工廠 FOB 價，全棉斜紋布"),
    (CostKind.FABRIC, CostBasis.PER_PIECE, "0", "工廠自購"),
    (CostKind.WASHING, CostBasis.PER_PIECE, "2.80", "酵素洗"),
    (CostKind.TESTING, CostBasis.PER_ORDER, "1800", "SGS 色牢度測試"),
    (CostKind.FREIGHT, CostBasis.PER_PIECE, "0.60", "貨車運至鹽田"),
    (CostKind.COMMISSION, CostBasis.PERCENT_OF_PRICE, "3", "代理佣金"),
    (CostKind.FINANCING, CostBasis.PERCENT_OF_PRICE, "1.2", "信用證貼現"),
]
# (style, description, prices per break, where it ends)
QUOTES = [
    ("DQ-101", "Men's twill chino", ("6.80", "6.40"), "draft"),
    ("DQ-102", "Ladies' denim jacket", ("6.05", "5.75"), "special"),
    ("DQ-103", "Kids' polo shirt", ("7.10", "6.80"), "approved"),
    ("DQ-104", "Men's oxford shirt", ("7.20", "6.90"), "sent"),
    ("DQ-105", "Cargo shorts", ("7.00", "6.70"), "won"),
    ("DQ-106", "Fleece hoodie", ("7.40", "7.00"), "lost"),
    ("DQ-107", "Linen blend trousers", ("7.30", "6.90"), "expired"),
    ("DQ-108", "Quilted vest", ("7.50", "7.10"), "requoted"),
]


def _drafted(demo: DemoOrder, style: str, description: str, prices) -> Quotation:
    order, merch = demo.order, demo.order.merchandiser
    quotation = quotation_create(
        user=merch,
        customer_id=order.customer_id,
        style_no=style,
        description=description,
        season="SS27",
        currency=order.currency,
        cost_currency="CNY",
        exchange_rate=Decimal("7.15") if order.currency == "USD" else Decimal("7.80"),
        target_margin_percent=Decimal("15"),
        incoterm=order.incoterm,
        valid_until=demo.today + timedelta(days=30),
        notes="Prices per piece, assorted sizes S–XL, 1 colour per 500 pcs.",
    )
    lines = [
        {"kind": kind, "basis": basis, "amount": Decimal(amount), "description": text}
        for kind, basis, amount, text in COSTING
    ]
    breaks = [
        {"min_quantity": quantity, "unit_price": Decimal(price)}
        for quantity, price in zip((500, 3000), prices, strict=True)
    ]
    return costing_save(quotation_id=quotation.pk, user=merch, lines=lines, breaks=breaks)


def _walk(demo: DemoOrder, quotation: Quotation, end: str) -> None:
    merch, users = demo.order.merchandiser, demo.users
    if end == "draft":
        return
    quotation_submit(quotation_id=quotation.pk, user=merch)
    if end == "special":
        return  # a margin under the threshold: waits for the GM or the deputy
    quotation_approve(quotation_id=quotation.pk, user=users["manager"])
    if end == "approved":
        return
    quotation_send(quotation_id=quotation.pk, user=merch)
    if end == "won":
        quotation_win(quotation_id=quotation.pk, user=merch, comment="客戶電郵確認")
        quotation_create_order(
            quotation_id=quotation.pk,
            user=merch,
            po_number=f"Q-{quotation.number:05d}",
            factory_id=demo.order.factory_id,
            order_date=demo.today,
            customer_date=demo.today + timedelta(days=95),
            ex_factory_date=demo.today + timedelta(days=85),
            colour="Khaki",
            quantity=2400,
        )
    elif end == "lost":
        quotation_lose(quotation_id=quotation.pk, user=merch, reason="客戶已把訂單下到孟加拉。")
    elif end == "expired":
        # The customer never answered: the validity date lies behind us.
        Quotation.objects.filter(pk=quotation.pk).update(valid_until=demo.today - timedelta(days=2))
        quotation_expire(quotation_id=quotation.pk)
    elif end == "requoted":
        quotation_requote(
            quotation_id=quotation.pk, user=merch, reason="客戶要求 3,000 件起報 6.95。"
        )


def quotations_demo(demo: DemoOrder) -> None:
    if demo.stage != Stage.RECEIVED or demo.nth != 0:
        return
    for style, description, prices, end in QUOTES:
        _walk(demo, _drafted(demo, style, description, prices), end)


register_demo_step("quotations", quotations_demo)
