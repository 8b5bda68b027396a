"""The POSTs of the order page. Each calls one service; the services enforce the roles."""

from django.utils.translation import gettext as _

from orders.choices import TRANSITION_LABELS, Decision
from orders.forms import ApprovalForm, ClearanceForm, ContractCheckForm, TransitionForm
from orders.services.review import approval_record, clearance_record, contract_check_update
from orders.services.transitions import order_transition
from orders.views.generic import OrderAction


class TransitionView(OrderAction):
    form_class = TransitionForm

    def perform(self, request, obj, form, *, name: str) -> str:
        order_transition(
            order_id=obj.pk,
            user=request.user,
            name=name,
            version=form.cleaned_data["version"],
            comment=form.cleaned_data["comment"],
        )
        return _("Done: %(action)s.") % {"action": TRANSITION_LABELS[name]}


class ContractCheckView(OrderAction):
    form_class = ContractCheckForm

    def perform(self, request, obj, form) -> str:
        contract_check_update(
            order_id=obj.pk,
            user=request.user,
            items=form.items(),
            customer_signed=form.cleaned_data["customer_signed"],
            mismatches=form.cleaned_data["mismatches"],
            signed_contract=form.cleaned_data["signed_contract"],
            version=form.cleaned_data["version"],
        )
        return _("Contract check saved.")


class ApprovalView(OrderAction):
    form_class = ApprovalForm

    def perform(self, request, obj, form) -> str:
        approval = approval_record(
            order_id=obj.pk,
            user=request.user,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
            version=form.cleaned_data["version"],
        )
        if approval.decision == Decision.REJECTED:
            return _("Rejected: the order goes back to the merchandiser.")
        return _("Signed: %(step)s.") % {"step": approval.get_step_display()}


class ClearanceView(OrderAction):
    form_class = ClearanceForm

    def perform(self, request, obj, form) -> str:
        clearance = clearance_record(
            order_id=obj.pk,
            user=request.user,
            kind=form.cleaned_data["kind"],
            reference=form.cleaned_data["reference"],
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
        return _("Recorded: %(what)s.") % {"what": clearance.get_kind_display()}
