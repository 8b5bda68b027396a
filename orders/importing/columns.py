"""The columns of a customer's P/O sheet, and the names customers give them.

A header cell is matched after folding case, width (full-width letters and digits) and
punctuation away, so "P/O No.", "PO#", "po no" and "ＰＯ Ｎｏ." are the same column."""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from orders.sizes import STANDARD_SIZES


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # translated name, used in the template and in error messages
    aliases: tuple[str, ...]
    required: bool = False
    per_order: bool = True  # the same on every line of one P/O (the order's header)


COLUMNS = (
    Column(
        "po_number",
        _("P/O no."),
        (
            "P/O No.",
            "PO#",
            "PO No",
            "PO Number",
            "P.O.",
            "PO",
            "Purchase order",
            "Purchase order no.",
            "Customer P/O",
            "Customer PO no.",
            "Order no.",
            "訂單號",
            "订单号",
            "訂單編號",
            "订单编号",
            "客戶訂單號",
            "客户订单号",
            "採購單號",
            "采购单号",
            "P/O號",
            "P/O号",
        ),
        required=True,
    ),
    Column(
        "style_no",
        _("Style no."),
        (
            "Style",
            "Style No.",
            "Style #",
            "Style number",
            "Article",
            "Art. no.",
            "款號",
            "款号",
            "款式編號",
            "款式编号",
            "貨號",
            "货号",
        ),
        required=True,
    ),
    Column(
        "description",
        _("Description"),
        (
            "Description",
            "Desc",
            "Item description",
            "Product",
            "品名",
            "描述",
            "貨品描述",
            "货品描述",
            "產品描述",
            "产品描述",
        ),
        required=True,
    ),
    Column("season", _("Season"), ("Season", "季節", "季节", "季度")),
    Column(
        "colour",
        _("Colour"),
        (
            "Colour",
            "Color",
            "Colour name",
            "Color name",
            "Colourway",
            "顏色",
            "颜色",
            "色",
            "顏色名稱",
        ),
        required=True,
        per_order=False,
    ),
    Column("size", _("Size"), ("Size", "尺碼", "尺码", "碼", "码", "尺寸"), per_order=False),
    Column(
        "quantity",
        _("Quantity"),
        (
            "Quantity",
            "Qty",
            "Pcs",
            "Pieces",
            "Total qty",
            "Order qty",
            "數量",
            "数量",
            "件數",
            "件数",
            "總數",
            "总数",
            "訂單數量",
            "订单数量",
        ),
        per_order=False,
    ),
    Column(
        "unit_price",
        _("Unit price"),
        ("Unit price", "Price", "FOB price", "Unit cost", "單價", "单价", "價格", "价格"),
        required=True,
        per_order=False,
    ),
    Column(
        "currency",
        _("Currency"),
        ("Currency", "Curr", "CCY", "幣別", "币别", "貨幣", "货币", "幣種", "币种"),
    ),
    Column(
        "order_date",
        _("Order date"),
        (
            "Order date",
            "PO date",
            "P/O date",
            "Date",
            "訂單日期",
            "订单日期",
            "落單日期",
            "下單日期",
            "下单日期",
        ),
    ),
    Column(
        "customer_date",
        _("Customer date"),
        (
            "Customer date",
            "Delivery date",
            "Delivery",
            "Ship date",
            "Cust. date",
            "In-DC date",
            "客期",
            "交貨期",
            "交货期",
            "交貨日期",
            "交货日期",
        ),
        required=True,
    ),
    Column(
        "ex_factory_date",
        _("Ex-factory date"),
        (
            "Ex-factory date",
            "Ex-factory",
            "Ex factory",
            "X-fty",
            "XF date",
            "Ex-fty date",
            "出廠日期",
            "出厂日期",
            "出廠期",
            "出厂期",
        ),
    ),
    Column(
        "factory",
        _("Factory"),
        (
            "Factory",
            "Vendor factory",
            "Supplier",
            "工廠",
            "工厂",
            "廠名",
            "厂名",
            "生產工廠",
            "生产工厂",
        ),
    ),
    Column(
        "payment_terms",
        _("Payment terms"),
        ("Payment terms", "Payment", "Terms of payment", "付款方式", "付款條件", "付款条件"),
    ),
    Column(
        "incoterm",
        _("Incoterm"),
        ("Incoterm", "Trade terms", "Price terms", "價格條款", "价格条款", "貿易條款", "贸易条款"),
    ),
    Column(
        "deposit_percent",
        _("Deposit %"),
        (
            "Deposit %",
            "Deposit",
            "Deposit percent",
            "訂金 %",
            "定金 %",
            "訂金",
            "定金",
            "訂金比例",
            "定金比例",
        ),
    ),
)

# The order's flags (R29, R33): yes / no in any of our languages; blank means no.
FLAG_COLUMNS = (
    Column(
        "direct_order",
        _("Direct order"),
        ("Direct order", "Direct", "Repeat order", "直接單", "直接单", "直單", "直单"),
    ),
    Column(
        "commodity_inspection",
        _("Commodity inspection"),
        (
            "Commodity inspection",
            "Statutory inspection",
            "CIQ",
            "商檢",
            "商检",
            "法定商檢",
            "法定商检",
        ),
    ),
)
COLUMNS = (*COLUMNS, *FLAG_COLUMNS)

BY_KEY = {column.key: column for column in COLUMNS}
ORDER_KEYS = tuple(c.key for c in COLUMNS if c.per_order)
LINE_KEYS = tuple(c.key for c in COLUMNS if not c.per_order)

# A header over the size columns of a two-row header ("Size breakdown" above S, M, L...).
SIZE_GROUP_ALIASES = (
    "Sizes",
    "Size breakdown",
    "Size ratio",
    "Assortment",
    "尺碼分配",
    "尺码分配",
    "尺碼",
    "尺码",
    "配碼",
    "配码",
)

# Sizes a sheet may use as column names, besides the standard run and numbers.
EXTRA_SIZES = ("ONE SIZE", "OS", "F", "FREE", "均碼", "均码", "XXS", "XXXXL")
NUMERIC_SIZE = re.compile(r"^\d{1,3}([./-]\d{1,3})?[A-Z]{0,2}$")

_PUNCTUATION = re.compile(r"[\s._/#:：\-()（）\[\]【】'\"’,，;；*]+")


def fold(text) -> str:
    """The form of a header that is compared: width, case, spaces and punctuation folded."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return _PUNCTUATION.sub("", text)


_aliases: dict[str, str] = {}
_SIZE_GROUPS = {fold(alias) for alias in SIZE_GROUP_ALIASES}


def _alias_map() -> dict[str, str]:
    """The aliases above, and each column's own label in every language (so the template in
    any language reads back)."""
    if not _aliases:
        for column in COLUMNS:
            for alias in (*column.aliases, column.key):
                _aliases.setdefault(fold(alias), column.key)
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for column in COLUMNS:
                    _aliases.setdefault(fold(column.label), column.key)
    return _aliases


def column_for(header) -> str | None:
    return _alias_map().get(fold(header))


def is_size_group(header) -> bool:
    return fold(header) in _SIZE_GROUPS


def size_name(header) -> str | None:
    """The size a column stands for ("M", "2XL", "38", "均碼"), or None."""
    text = unicodedata.normalize("NFKC", str(header if header is not None else "")).strip()
    if isinstance(header, float) and header.is_integer():
        text = str(int(header))
    upper = text.upper()
    if not upper:
        return None
    if upper in STANDARD_SIZES:
        return upper
    if upper in EXTRA_SIZES or NUMERIC_SIZE.match(upper):
        return text
    return None
