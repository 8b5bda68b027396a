"""What the credit app plugs into orders/: the gate on approval, the section, timeline labels."""

from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.credit import rules
from orders.credit.choices import CreditEvent
from orders.credit.views import section_context
from orders.gates import register_gate
from orders.sections import register_section
from orders.timeline import register_action_labels


def register() -> None:
    register_gate(
        transition="approve",
        code="credit",
        label=_(
            "Credit: a remittance covers the order, or it stays within the credit limit, or a "
            "salesperson's guarantee is approved; monthly customers: last month cleared (R20)"
        ),
        cleared_by=_("Finance, the salesperson and a manager, or the general manager"),
        check=rules.r20_credit_gate_met,
        applies=rules.r20_applies,
    )
    register_section(
        code="credit",
        title=_("Credit"),
        template="credit/section.html",
        context=section_context,
        order=3,
        stages=[Stage.RECEIVED, Stage.IN_REVIEW],
    )
    register_action_labels(dict(CreditEvent.choices))
