"""What R30 plugs in when the orders app is ready: the feedback form and its order section."""

from django.utils.translation import gettext_lazy as _

from orders.choices import FeedbackEvent, Stage
from orders.feedback import forms_registry
from orders.feedback.views import feedback_section_context
from orders.sections import register_section
from orders.timeline import register_action_labels


def ready() -> None:
    forms_registry.register()
    register_action_labels(dict(FeedbackEvent.choices))
    register_section(
        code="countersignatures",
        title=_("Customer countersignatures"),
        template="orders/feedback/section.html",
        context=feedback_section_context,
        order=88,
        stages=[Stage.SHIPPING, Stage.SETTLED],
    )
