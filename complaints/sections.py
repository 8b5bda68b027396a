"""The "Complaints & returns" section of the order page."""

from django.utils.translation import gettext_lazy as _

from complaints import forms, permissions, selectors
from orders.choices import Stage
from orders.sections import register_home_panel, register_section


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
        stages=[Stage.SHIPPING, Stage.SETTLED],
    )


HOME_PANEL_ROWS = 10


def home_panel_context(user) -> dict:
    complaints = list(selectors.open_complaints(user))
    return {
        "complaints": complaints[:HOME_PANEL_ROWS],
        "summary": selectors.age_summary(complaints),
    }


def register_home_panels() -> None:
    """Open complaints and their age on the merchandiser's home page (oldest first)."""
    register_home_panel(
        code="open_complaints",
        title=_("Open complaints"),
        template="complaints/includes/home_panel.html",
        context=home_panel_context,
        order=50,
    )
