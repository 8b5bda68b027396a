"""The forms orders/ prints itself; registered from OrdersConfig.ready()."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from orders.changes.choices import FACTORY_ASPECTS, Aspect
from orders.choices import CONTRACT_APPROVED_STAGES, Stage
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.sizes import size_key


def contract_approved(order) -> bool:
    """R10: the order went through its contract review (a held order keeps what it had)."""
    stage = order.held_from if order.stage == Stage.ON_HOLD else order.stage
    return stage in CONTRACT_APPROVED_STAGES


def order_is_live(order) -> bool:
    return order.stage not in (Stage.ON_HOLD, Stage.CANCELLED)


CONTRACT_APPROVED = Requirement(
    contract_approved, _("the contract review is not approved (R10)"), on_order=True
)
ORDER_LIVE = Requirement(order_is_live, _("the order is on hold or cancelled"), on_order=True)
ORDER_NOT_CANCELLED = Requirement(
    lambda order: order.stage != Stage.CANCELLED, _("the order is cancelled"), on_order=True
)


def revision_note(order) -> dict | None:
    """R8: a revised production order says what the last applied change altered, in the
    language being rendered."""
    if order.revision <= 1:
        return None
    change = order.change_requests.filter(applied_revision=order.revision).order_by("-id").first()
    if change is None:
        return None
    record = change.applied_record.get("languages", {})
    rows = (record.get(get_language()) or record.get("en") or {}).get("fields", [])
    # The factory sees what it makes and when, never the customer's prices or terms.
    shown = FACTORY_ASPECTS
    return {
        "change": change,
        "fields": [row for row in rows if row[3] in shown],
        "lines": [
            line
            for line in change.applied_record.get("lines", [])
            if line["quantity"][0] != line["quantity"][1]
        ],
    }


# R33: the papers the factory receives for the commodity inspection (商檢).
R33_DOCUMENTS_PROVIDED = (
    _("Export contract (出口合同)"),
    _("Commercial invoice (商業發票)"),
    _("Packing list (裝箱單)"),
)


def order_reference(order) -> str:
    return f"{order} · Rev {order.revision}" if order.revision > 1 else str(order)


def production_order_context(order) -> dict:
    lines = list(order.lines.all())
    sizes = sorted({size for line in lines for size in line.size_breakdown}, key=size_key)
    rows = [
        {
            "colour": line.colour,
            "pieces": [line.size_breakdown.get(size, "") for size in sizes],
            "quantity": line.quantity,
            "cancelled": line.is_cancelled,
        }
        for line in lines
    ]
    size_totals = [sum(line.size_breakdown.get(size, 0) for line in lines) for size in sizes]
    return {
        "order": order,
        "revision_note": revision_note(order),
        "factory": order.factory,
        "sizes": sizes,
        "rows": rows,
        "size_totals": size_totals,
        "total_quantity": sum(line.quantity for line in lines),
        "commodity_documents": R33_DOCUMENTS_PROVIDED if order.commodity_inspection else (),
    }


PRODUCTION_ORDER = FormSpec(
    code="F-ORD-001",
    name=_("Production order to factory"),
    model="orders.Order",
    template="forms/production_order.html",
    order_of=lambda order: order,
    recipient=lambda order: order.factory,
    context=production_order_context,
    reference=order_reference,
    # What the production order prints: quantities, dates and style data, not prices or terms.
    revised_by=frozenset({Aspect.QUANTITY, Aspect.DATES, Aspect.STYLE}),
    signatures=(
        Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),
        _("Approved by (group head)"),
        Signature(_("Factory: accepted"), company=True),
    ),
    send_rule=SendRule(when=(CONTRACT_APPROVED, ORDER_LIVE)),
)


def register() -> None:
    register_form(PRODUCTION_ORDER)
