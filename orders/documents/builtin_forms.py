"""The forms orders/ prints itself; registered from OrdersConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from orders.documents.registry import FormSpec, register_form
from orders.sizes import size_key


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
        _("Merchandiser"),
        _("Approved by (group head)"),
        _("Factory: accepted"),
    ),
)


def register() -> None:
    register_form(PRODUCTION_ORDER)
