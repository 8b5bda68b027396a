from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.sections import register_section
from suppliers import selectors


def _context(order, user) -> dict:
    return {"materials": selectors.materials(order, user)}


def register() -> None:
    register_section(
        code="materials",
        title=_("Materials"),
        template="suppliers/includes/materials_section.html",
        context=_context,
        order=40,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED, Stage.IN_PRODUCTION],
    )
