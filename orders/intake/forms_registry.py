"""The intake forms: the direct order's ORDER CONFIRMATION to the sales office (R29) and the
merchandiser's written reply to the customer with PMC's delivery date (R13)."""

from django.utils.translation import gettext_lazy as _

from orders.choices import EventKind
from orders.documents.builtin_forms import ORDER_NOT_CANCELLED, production_order_context
from orders.documents.registry import FormSpec, Signature, register_form, signed_by
from orders.documents.rules import Requirement, SendRule
from orders.documents.services import customer_recipient
from orders.intake import rules
from orders.intake.choices import IntakeEvent
from orders.planning.choices import PlanEvent
from orders.services.common import record_event

AT_INTAKE = Requirement(
    lambda order: order.stage in rules.INTAKE_STAGES,
    _("the order is past its intake (received or in review)"),
    on_order=True,
)


def _confirmation_context(order) -> dict:
    """The customer's order data with the size allocation, and a price column the sales office
    fills in before it signs."""
    return {**production_order_context(order), "lines": list(order.lines.all())}


def _confirmation_signed(order, document, name: str) -> None:
    record_event(
        order,
        kind=EventKind.APPROVAL,
        action=IntakeEvent.CONFIRMATION_SIGNED,
        comment=f"{document.form_code} v{document.version}: {name}",
    )


ORDER_CONFIRMATION = FormSpec(
    code=rules.ORDER_CONFIRMATION_FORM,
    name=_("ORDER CONFIRMATION (direct order)"),
    model="orders.Order",
    template="intake/forms/order_confirmation.html",
    order_of=lambda order: order,
    # The group's sales office (營業部) of the factory that makes the direct order.
    recipient=lambda order: order.factory,
    context=_confirmation_context,
    reference=str,
    signatures=(
        Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),
        Signature(_("Factory sales office: priced and confirmed"), company=True),
    ),
    send_rule=SendRule(
        when=(
            Requirement(rules.r29_applies, _("the order is not a direct order (R29)"), True),
            AT_INTAKE,
            ORDER_NOT_CANCELLED,
        )
    ),
    on_signed_copy=_confirmation_signed,
)


def _customer(order):
    return customer_recipient(order.customer)


def _reply_context(order) -> dict:
    return {"order": order, "pmc": rules.r13_latest_pmc_reply(order)}


def _reply_sent(order, document, user) -> None:
    """R13: the written reply completes the plan's 48-hour milestone."""

    pmc = rules.r13_latest_pmc_reply(order)
    record_event(
        order,
        kind=EventKind.NOTE,
        actor=user,
        action=PlanEvent.CUSTOMER_REPLY_SENT,
        comment=f"{document.form_code} v{document.version}: {pmc.delivery_date:%Y-%m-%d}",
    )


CUSTOMER_REPLY = FormSpec(
    code=rules.CUSTOMER_REPLY_FORM,
    name=_("Written reply to the customer's order (delivery date)"),
    model="orders.Order",
    template="intake/forms/customer_reply.html",
    order_of=lambda order: order,
    recipient=_customer,
    context=_reply_context,
    reference=str,
    signatures=(Signature(_("Merchandiser"), signer=lambda order: signed_by(order.merchandiser)),),
    send_rule=SendRule(
        when=(
            Requirement(
                rules.r13_pmc_has_replied, _("PMC has not replied a delivery date (R13)"), True
            ),
            ORDER_NOT_CANCELLED,
        )
    ),
    on_sent=_reply_sent,
)


def register_forms() -> None:
    register_form(ORDER_CONFIRMATION)
    register_form(CUSTOMER_REPLY)
