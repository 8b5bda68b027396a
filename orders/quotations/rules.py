"""The business rules of quotations, each under its name from DOMAIN.md."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Trim, Upper
from django.utils.translation import gettext as _

from orders.choices import Stage
from orders.models import Order
from orders.quotations.costing import PRICE_PLACES, price_text

# R18: the quotation in the company format, printed and e-mailed (forms_registry.py).
QUOTATION_FORM = "F-QT-001"


def r18_customer_last_price(quotation) -> tuple[Decimal, str] | None:
    """R18: what the customer paid per piece for this style on its latest order in the
    quotation's currency (the quantity-weighted price of that order's lines), with the P/O."""

    latest = (
        Order.objects.filter(
            customer_id=quotation.customer_id,
            style_no__iexact=quotation.style_no.strip(),
            currency=quotation.currency,
        )
        .exclude(stage=Stage.CANCELLED)
        .annotate(
            pieces=Sum("lines__quantity"),
            value=Sum(F("lines__quantity") * F("lines__unit_price")),
        )
        .filter(pieces__gt=0)
        .order_by("-order_date", "-id")
        .values("po_number", "pieces", "value")
        .first()
    )
    if latest is None:
        return None
    return _r18_price_of(latest["value"], latest["pieces"], latest["po_number"])


def _r18_price_of(value, pieces, po_number) -> tuple[Decimal, str]:
    price = (Decimal(value) / Decimal(pieces)).quantize(PRICE_PLACES, rounding=ROUND_HALF_UP)
    return price, po_number


def r18_customer_last_prices(quotations) -> dict[int, tuple[Decimal, str] | None]:
    """R18: `r18_customer_last_price` of each quotation of a queryset in one query, by
    quotation id (a page listing quotations reads them all at once)."""
    latest = (
        Order.objects.filter(
            customer_id=OuterRef("customer_id"),
            currency=OuterRef("currency"),
        )
        .annotate(style_key=Upper("style_no"))
        .filter(style_key=Upper(Trim(OuterRef("style_no"))))
        .exclude(stage=Stage.CANCELLED)
        .annotate(
            pieces=Sum("lines__quantity"),
            value=Sum(F("lines__quantity") * F("lines__unit_price")),
        )
        .filter(pieces__gt=0)
        .order_by("-order_date", "-id")
    )
    rows = (
        quotations.order_by()
        .annotate(
            last_po=Subquery(latest.values("po_number")[:1]),
            last_pieces=Subquery(latest.values("pieces")[:1]),
            last_value=Subquery(latest.values("value")[:1]),
        )
        .values_list("pk", "last_po", "last_pieces", "last_value")
    )
    return {
        pk: None if pieces is None else _r18_price_of(value, pieces, po_number)
        for pk, po_number, pieces, value in rows
    }


_READ = object()


def r18_special_price_reasons(quotation, *, threshold: Decimal, last=_READ) -> list[str]:
    """R18: why this quotation is a special price (empty when it is not): a margin under the
    `threshold` the admin set (QuotationPolicy), at any break, or a price below the customer's
    last price for the style (`last`, read here unless given, as `r18_customer_last_price`
    returns it). A special price needs the general manager or the deputy."""
    reasons = []
    figures = quotation.break_figures()
    for item in figures:
        if item.margin_percent is None or item.margin_percent < threshold:
            reasons.append(
                _("margin %(margin)s %% from %(quantity)s pcs is under %(threshold)s %%")
                % {
                    "margin": item.margin_percent if item.margin_percent is not None else "—",
                    "quantity": item.min_quantity,
                    "threshold": threshold,
                }
            )
    if last is _READ:
        last = r18_customer_last_price(quotation)
    if last is not None:
        last_price, po_number = last
        for item in figures:
            if item.unit_price < last_price:
                reasons.append(
                    _(
                        "%(price)s from %(quantity)s pcs is below the customer's last price "
                        "for the style, %(last)s on P/O %(po)s"
                    )
                    % {
                        "price": price_text(item.unit_price, quotation.currency),
                        "quantity": item.min_quantity,
                        "last": price_text(last_price, quotation.currency),
                        "po": po_number,
                    }
                )
    return reasons
