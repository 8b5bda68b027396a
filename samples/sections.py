from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.sections import register_section
from samples.selectors import samples_section_context


def register_sections() -> None:
    register_section(
        code="samples",
        title=_("Samples and comment letters"),
        template="samples/section.html",
        context=samples_section_context,
        order=20,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED, Stage.IN_PRODUCTION],
    )
