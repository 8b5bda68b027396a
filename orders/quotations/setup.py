"""What the quotations app plugs into orders/, run once from QuotationsConfig.ready()."""

from orders.quotations.forms_registry import register_forms
from orders.quotations.notifications import register as register_mail
from orders.quotations.sections import register_sections


def ready() -> None:
    register_forms()  # the quotation PDF, in the customer's language (R18)
    register_sections()  # estimated cost and margin on the order page (contract review)
    register_mail()  # approvers told of a submitted quotation, the submitter of the decision
