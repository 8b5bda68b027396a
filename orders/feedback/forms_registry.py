"""The customer feedback form (客户意见反馈表, F-CFB-001): one per order, to the customer once
the goods left, to rate us and countersign (R30)."""

from django.utils.translation import gettext_lazy as _

from orders.choices import FeedbackRating, Stage
from orders.documents.builtin_forms import ORDER_NOT_CANCELLED
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient
from orders.feedback.rules import FEEDBACK_FORM

ASPECTS = (
    ("quality", _("Product quality")),
    ("delivery", _("Delivery on time")),
    ("packing", _("Packing and marking")),
    ("service", _("Merchandiser's service")),
)


def _customer(order):
    return customer_recipient(order.customer)


def _context(order) -> dict:
    feedback = getattr(order, "customer_feedback", None)
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "ratings": FeedbackRating.choices,
        "aspects": [
            {"label": label, "value": getattr(feedback, code, "") if feedback else ""}
            for code, label in ASPECTS
        ],
        "feedback": feedback,
    }


FEEDBACK = FormSpec(
    code=FEEDBACK_FORM,
    name=_("Customer feedback form"),
    model="orders.Order",
    template="orders/forms/customer_feedback.html",
    order_of=lambda order: order,
    recipient=_customer,
    context=_context,
    reference=str,
    signatures=(
        Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),
        Signature(_("Customer: countersigned"), company=True),
    ),
    send_rule=SendRule(
        when=(
            Requirement(
                lambda order: order.stage in (Stage.SHIPPING, Stage.SETTLED),
                _("the goods have not shipped yet"),
                on_order=True,
            ),
            ORDER_NOT_CANCELLED,
        )
    ),
)


def register() -> None:
    register_form(FEEDBACK)
