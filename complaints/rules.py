"""The business rules of complaints (R16) and returns (R17), each under its name in DOMAIN.md.

Each rule answers "why not?": it returns the refusal message, or None when the step may go on.
The services raise ActionRefused with that message, so views, the admin and tests share them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints import permissions
from complaints.choices import (
    SIGN_OFF_ORDER,
    ComplaintKind,
    ComplaintStatus,
    Fault,
    ReturnCause,
    ReturnStatus,
    SignOffStep,
)
from orders.lifecycle import rule
from orders.roles import Role, has_role

# ---- R16: the product complaint handling report ------------------------------------------------

# The report's steps in order, and the status a complaint must be in for each.
R16_STEPS = {
    "approve": ComplaintStatus.AWAITING_APPROVAL,
    "analyse": ComplaintStatus.AWAITING_ANALYSIS,
    "reply": ComplaintStatus.AWAITING_REPLY,
    "ship_remedy": ComplaintStatus.REMEDY_IN_PROGRESS,
}


def r16_weight_required(kind: str) -> bool:
    """R16: for "missing goods" complaints, ask the customer for the weight they measured."""
    return kind == ComplaintKind.SHORT_SHIPMENT


def r16_weight_refusal(kind: str, weight) -> str | None:
    if r16_weight_required(kind) and (weight is None or weight <= 0):
        return _(
            "For a short-shipment complaint, enter the weight the customer measured (kg): "
            "production checks the missing goods against it."
        )
    return None


def r16_step_refusal(complaint, step: str) -> str | None:
    """R16: report → a leader approves → QA analyses → the merchandiser replies → rework or
    replacement shipped. A step out of this order is refused with what must come first."""
    needed = R16_STEPS[step]
    if complaint.status == needed:
        return None
    if complaint.status == ComplaintStatus.CLOSED:
        return _("This complaint is closed.")
    return _("Not yet: this complaint is at “%(status)s”.") % {
        "status": ComplaintStatus(complaint.status).label
    }


def r16_claim_refusal(complaint) -> str | None:
    """A claim against the factory needs QA's finding that the factory is at fault."""
    if complaint.analysed_at is None:
        return _("QA must analyse the cause before a claim against the factory.")
    if complaint.fault != Fault.FACTORY:
        return _("QA did not find the factory at fault; no claim against the factory.")
    if hasattr(complaint, "factory_claim"):
        return _("A claim against the factory was already raised for this complaint.")
    return None


# ---- R17: returns ------------------------------------------------------------------------------


def r17_application_refusal(*, order, complaint, production_problem: bool, lines) -> str | None:
    """R17: the application lists the goods; a return for a production problem carries the
    complaint handling report."""
    if not any(line.get("quantity") for line in lines):
        return _("List the goods to be returned (style, colour, size and quantity).")
    if production_problem and complaint is None:
        return _("A return because of a production problem needs its complaint handling report.")
    if complaint is not None and complaint.order_id != order.pk:
        return _("The complaint belongs to another order.")
    return None


def r17_approval_refusal(application, user, *, reason: str) -> str | None:
    """R17: a company-caused return is accepted by a leader; a customer-caused one is refused
    unless a leader approves it and says why; goods going back to the factory need the GM."""
    if application.status != ReturnStatus.AWAITING_APPROVAL:
        return _("This return was already decided.")
    if not permissions.can_decide_return(application.order, user):
        if application.cause == ReturnCause.CUSTOMER:
            return _("A customer-caused return is refused unless a leader approves it.")
        return _("Only the department manager or the general manager approves returns.")
    if application.cause == ReturnCause.CUSTOMER and not reason.strip():
        return _(
            "A customer-caused return is refused unless the leader gives the reason for "
            "the exception."
        )
    if r17_needs_general_manager(application, user):
        return _("Goods going back to the factory need the general manager's approval.")
    return None


def r17_may_approve(application, user) -> bool:
    """R17: a leader approves; goods going back to the factory need the general manager."""
    return permissions.can_decide_return(application.order, user) and not r17_needs_general_manager(
        application, user
    )


def r17_needs_general_manager(application, user) -> bool:
    """R17: goods going back to the factory are the GM's to approve (a manager may still refuse)."""
    return application.back_to_factory and not permissions.is_general_manager(user)


def r17_refusal_refusal(application, user, *, reason: str) -> str | None:
    """Refusing a return is a leader's decision too, and always says why."""
    if application.status != ReturnStatus.AWAITING_APPROVAL:
        return _("This return was already decided.")
    if not permissions.can_decide_return(application.order, user):
        return _("Only the department manager or the general manager decides returns.")
    if not reason.strip():
        return _("Please give the reason for refusing the return.")
    return None


def r17_receipt_refusal(application) -> str | None:
    """R17: the customer ships only after approval; goods without an approved application are
    recorded as an unannounced arrival instead."""
    if application.status == ReturnStatus.APPROVED:
        return None
    if application.status in (ReturnStatus.AWAITING_APPROVAL, ReturnStatus.REFUSED):
        return _(
            "This return is not approved: the goods may be refused. Record them as an "
            "unannounced arrival."
        )
    return _("The goods of this return were already received.")


def r17_next_sign_off(application, signed_steps=None) -> str | None:
    if signed_steps is None:
        signed_steps = {sign_off.step for sign_off in application.sign_offs.all()}
    return next((step for step in SIGN_OFF_ORDER if step not in signed_steps), None)


def _may_sign(step: str, user) -> bool:
    return {
        SignOffStep.WAREHOUSE_KEEPER: lambda: has_role(user, Role.WAREHOUSE),
        SignOffStep.WAREHOUSE_HEAD: lambda: permissions.is_warehouse_head(user),
        SignOffStep.SALES_ADMIN: lambda: has_role(user, Role.ADMINISTRATION),
        SignOffStep.SALES_LEADER: lambda: permissions.is_leader(user),
        SignOffStep.FINANCE: lambda: has_role(user, Role.FINANCE),
    }[step]()


def r17_sign_off_refusal(application, step: str, user) -> str | None:
    """R17: warehouse keeper, warehouse head, sales admin, sales leader, finance — in this
    order, each by someone in that role; the two warehouse signatures by two people."""
    if application.status != ReturnStatus.RECEIVED:
        if application.status in (ReturnStatus.SIGNED_OFF, ReturnStatus.CLOSED):
            return _("Every sign-off of this return is done.")
        return _("The warehouse must receive and check the goods before the sign-offs.")
    sign_offs = list(application.sign_offs.all())
    expected = r17_next_sign_off(application, {sign_off.step for sign_off in sign_offs})
    if step != expected:
        return _("Out of order: %(expected)s signs next, not %(step)s.") % {
            "expected": SignOffStep(expected).label,
            "step": SignOffStep(step).label,
        }
    if not _may_sign(step, user):
        return _("You may not sign as %(step)s.") % {"step": SignOffStep(step).label}
    if step == SignOffStep.WAREHOUSE_HEAD and any(
        s.step == SignOffStep.WAREHOUSE_KEEPER and s.signed_by_id == user.pk for s in sign_offs
    ):
        return _("The warehouse head must be someone other than the keeper who signed.")
    return None


def r17_may_sign_last(application, user) -> bool:
    """R17: the last of the five signatures completes the sign-offs."""
    return _may_sign(SIGN_OFF_ORDER[-1], user)


@rule(gettext_lazy("Every sign-off of this return must be done first."))
def r17_all_signed(application) -> bool:
    return r17_next_sign_off(application) is None


def r17_note_not_possible(application) -> str:
    """Why the return note cannot be issued now: the transition (ReturnApplication.issue_note)
    declares when it can, and who may (finance)."""
    if application.status == ReturnStatus.CLOSED:
        return _("The return note was already issued.")
    return _("The return note is issued only after every sign-off.")
