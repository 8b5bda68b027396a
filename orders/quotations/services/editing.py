"""R18: the merchandiser drafts a quotation, its costing and its prices per quantity break."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.models import Customer
from orders.permissions import team_id_of
from orders.quotations import permissions
from orders.quotations.choices import EDITABLE_STATUSES, CostBasis, CostKind, QuotationEvent
from orders.quotations.costing import HUNDRED
from orders.quotations.models import CostingLine, PriceBreak, Quotation
from orders.quotations.services.common import lock_quotation, record
from orders.services.common import ActionRefused

HEADER_FIELDS = (
    "style_no",
    "description",
    "season",
    "currency",
    "cost_currency",
    "exchange_rate",
    "target_margin_percent",
    "incoterm",
    "payment_terms",
    "valid_until",
    "notes",
)


def _checked_header(fields: dict) -> dict:
    fields = {name: value for name, value in fields.items() if name in HEADER_FIELDS}
    for name in ("style_no", "description"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
            if not fields[name]:
                raise ActionRefused(_("Please give the style no. and its description."))
    rate = fields.get("exchange_rate")
    if rate is not None and Decimal(rate) <= 0:
        raise ActionRefused(_("The exchange rate must be above zero."))
    valid_until: date | None = fields.get("valid_until")
    if valid_until is not None and valid_until < timezone.localdate():
        raise ActionRefused(_("The validity date is already past."))
    return fields


def _same_currency_rate(quotation: Quotation) -> None:
    if quotation.currency == quotation.cost_currency and quotation.exchange_rate != 1:
        raise ActionRefused(
            _("Costs and price are both in %(currency)s: the exchange rate must be 1.")
            % {"currency": quotation.currency}
        )


def quotation_create(*, user, customer_id: int, **fields) -> Quotation:
    """A new quotation in draft, numbered. The view guards it with the form's one-time token:
    the same form posted twice makes one quotation."""
    if not permissions.can_quote(user):
        raise ActionRefused(_("You may not prepare quotations."))
    fields = _checked_header(fields)
    customer = Customer.objects.filter(pk=customer_id).first()
    if customer is None:
        raise ActionRefused(_("Unknown customer."))
    fields.setdefault("payment_terms", customer.default_payment_terms)
    quotation = Quotation(customer=customer, merchandiser=user, team_id=team_id_of(user), **fields)
    _same_currency_rate(quotation)
    with transaction.atomic():
        quotation.save()
        quotation.number = quotation.pk
        quotation.save(update_fields=["number"])
        record(quotation, user=user, action=QuotationEvent.CREATED)
    return quotation


def _editable(quotation_id: int, user) -> Quotation:
    quotation = lock_quotation(quotation_id)
    if not permissions.can_prepare(quotation, user):
        raise ActionRefused(_("You may not change this quotation."))
    if quotation.status not in EDITABLE_STATUSES:
        raise ActionRefused(
            _("The quotation is %(status)s: re-quote to change it.")
            % {"status": quotation.get_status_display().lower()}
        )
    return quotation


def quotation_update(*, quotation_id: int, user, **fields) -> Quotation:
    fields = _checked_header(fields)
    with transaction.atomic():
        quotation = _editable(quotation_id, user)
        for name, value in fields.items():
            setattr(quotation, name, value)
        _same_currency_rate(quotation)
        quotation.save()
        record(quotation, user=user, action=QuotationEvent.EDITED)
    return quotation


def _checked_lines(lines: list[dict]) -> list[CostingLine]:
    checked, percent = [], Decimal("0")
    for position, line in enumerate(lines):
        if line.get("kind") not in CostKind.values or line.get("basis") not in CostBasis.values:
            raise ActionRefused(_("Unknown kind of cost."))
        amount = Decimal(line.get("amount") or 0)
        if amount < 0:
            raise ActionRefused(_("A cost cannot be negative."))
        if line["basis"] == CostBasis.PERCENT_OF_PRICE:
            percent += amount
        checked.append(
            CostingLine(
                position=position,
                kind=line["kind"],
                basis=line["basis"],
                amount=amount,
                description=(line.get("description") or "").strip(),
            )
        )
    if percent >= HUNDRED:
        raise ActionRefused(_("The percent lines take the whole selling price."))
    return checked


def _checked_breaks(breaks: list[dict]) -> list[PriceBreak]:
    checked, seen = [], set()
    for item in breaks:
        quantity, price = int(item.get("min_quantity") or 0), Decimal(item.get("unit_price") or 0)
        if quantity < 1 or price <= 0:
            raise ActionRefused(_("Each price needs a quantity of at least 1 and a price above 0."))
        if quantity in seen:
            raise ActionRefused(
                _("Two prices for the same quantity (%(quantity)s pcs).") % {"quantity": quantity}
            )
        seen.add(quantity)
        checked.append(PriceBreak(min_quantity=quantity, unit_price=price))
    return sorted(checked, key=lambda item: item.min_quantity)


def costing_save(*, quotation_id: int, user, lines: list[dict], breaks: list[dict]) -> Quotation:
    """R18: the costing lines and the prices per quantity break, replaced as a whole so that
    what the approver reads is exactly what the merchandiser saved."""
    costing, prices = _checked_lines(lines), _checked_breaks(breaks)
    with transaction.atomic():
        quotation = _editable(quotation_id, user)
        quotation.costing_lines.all().delete()
        quotation.price_breaks.all().delete()
        for item in costing:
            item.quotation = quotation
        for item in prices:
            item.quotation = quotation
        CostingLine.objects.bulk_create(costing)
        PriceBreak.objects.bulk_create(prices)
        quotation.save(update_fields=["updated_at"])
        record(quotation, user=user, action=QuotationEvent.COSTED)
    return quotation
