"""The forms orders/ prints itself; registered from OrdersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

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


def production_order_context(order) -> dict:
    lines = list(order.lines.all())
    sizes = sorted({size for line in lines for size in line.size_breakdown}, key=size_key)
    rows = [
        {
            "colour": line.colour,
            "pieces": [line.size_breakdown.get(size, "") for size in sizes],
            "quantity": line.quantity,
        }
        for line in lines
    ]
    size_totals = [sum(line.size_breakdown.get(size, 0) for line in lines) for size in sizes]
    return {
        "order": order,
        "factory": order.factory,
        "sizes": sizes,
        "rows": rows,
        "size_totals": size_totals,
        "total_quantity": sum(line.quantity for line in lines),
    }


PRODUCTION_ORDER = FormSpec(
    code="F-ORD-001",
    name=_("Production order to factory"),
    model="orders.Order",
    template="forms/production_order.html",
    order_of=lambda order: order,
    recipient=lambda order: order.factory,
    context=production_order_context,
    reference=str,
    signatures=(
        Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),
        _("Approved by (group head)"),
        Signature(_("Factory: accepted"), company=True),
    ),
    send_rule=SendRule(when=(CONTRACT_APPROVED, ORDER_LIVE)),
)


def register() -> None:
    register_form(PRODUCTION_ORDER)
