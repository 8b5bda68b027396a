from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.sections import register_section


def register_sections() -> None:
    from samples.selectors import samples_section_context

    register_section(
        code="samples",
        title=_("Samples and comment letters"),
        template="samples/section.html",
        context=samples_section_context,
        order=20,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED, Stage.IN_PRODUCTION],
    )
