"""The "Complaints & returns" section of the order page."""

from django.utils.translation import gettext_lazy as _

from complaints import forms, permissions, selectors
from orders.sections import register_section


def section_context(order, user) -> dict:
    may_record_arrival = permissions.can_record_arrival(order, user)
    return {
        "order": order,
        **selectors.order_after_sales(order),
        "may_file": permissions.can_file_complaint(order, user),
        "may_apply_return": permissions.can_apply_return(order, user),
        "arrival_form": forms.ArrivalForm() if may_record_arrival else None,
    }


def register_sections() -> None:
    register_section(
        code="complaints",
        title=_("Complaints & returns"),
        template="complaints/section.html",
        context=section_context,
        order=80,
    )
