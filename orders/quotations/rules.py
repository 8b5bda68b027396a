"""The business rules of quotations, each under its name from DOMAIN.md."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Sum
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
    price = (Decimal(latest["value"]) / Decimal(latest["pieces"])).quantize(
        PRICE_PLACES, rounding=ROUND_HALF_UP
    )
    return price, latest["po_number"]


def r18_special_price_reasons(quotation, *, threshold: Decimal) -> list[str]:
    """R18: why this quotation is a special price (empty when it is not): a margin under the
    `threshold` the admin set (QuotationPolicy), at any break, or a price below the customer's
    last price for the style. A special price needs the general manager or the deputy."""
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
