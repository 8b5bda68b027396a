"""The order page's own sections (lines, review, payment gate), registered like any app's so
the page orders and folds them by stage in one way."""

from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.sections import register_section


def _no_context(order, user) -> dict:
    # These sections read the page's own context (page, contract_form).
    return {}


register_section(
    code="lines",
    title=_("Lines"),
    template="orders/sections/lines.html",
    context=_no_context,
    order=1,
    stages=[Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED],
)
register_section(
    code="review",
    title=_("Contract check and approvals"),
    template="orders/sections/review.html",
    context=_no_context,
    order=2,
    stages=[Stage.RECEIVED, Stage.IN_REVIEW],
)
register_section(
    code="payment",
    title=_("Payment gate"),
    template="orders/sections/payment.html",
    context=_no_context,
    order=3,
    stages=[Stage.IN_REVIEW, Stage.APPROVED],
)
