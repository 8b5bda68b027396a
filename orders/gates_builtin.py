"""The order's own gates. Later apps register theirs the same way in their AppConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from orders import rules
from orders.gates import register_gate

register_gate(
    transition="submit_for_review",
    code="contract_check",
    label=_("Contract check complete: every item ticked, customer's signature present (R5)"),
    cleared_by=_("Merchandiser"),
    check=rules.contract_check_complete,
)
register_gate(
    transition="approve",
    code="approval_chain",
    label=_("Approval chain complete (R10)"),
    cleared_by=_("Department manager, administration, general manager when required"),
    check=rules.approval_chain_complete,
)
register_gate(
    transition="start_production",
    code="payment",
    label=_(
        "Payment secured: L/C checked, deposit confirmed, credit approved or GM exception (R11)"
    ),
    cleared_by=_("Finance, administration, manager or general manager"),
    check=rules.payment_gate_met,
)
