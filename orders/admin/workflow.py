"""The admin's workflow buttons and list actions. Each calls one service of orders.services,
which decides whether this user may do it; the admin only asks for the comment and reports."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders import rules
from orders.admin.actions import ask_comment_then_run, refusal_text, run_each
from orders.admin.forms import ClearanceForm, OrderActionForm
from orders.choices import (
    NEXT_TRANSITION,
    TRANSITION_LABELS,
    TRANSITIONS_NEEDING_REASON,
    ApprovalStep,
    Clearance,
    Decision,
    Stage,
)
from orders.gates import gate_statuses
from orders.models import Order, StaleOrderError
from orders.roles import has_role
from orders.services.common import ActionRefused
from orders.services.review import approval_record, clearance_record
from orders.services.transitions import available_transitions, order_transition

# The payment-gate clearances (R11) a manager or the general manager gives from the admin;
# the others (L/C, deposit) are recorded by merchandisers, administration and finance.
MANAGER_CLEARANCES = (Clearance.CREDIT_APPROVED, Clearance.GM_EXCEPTION)
CLEARANCES_NEEDING_REASON = {Clearance.GM_EXCEPTION}
CLEARANCE_STAGES = {Stage.RECEIVED, Stage.IN_REVIEW, Stage.APPROVED}
# The transitions a manager takes from the admin; the others are the merchandiser's, on the site.
MANAGER_TRANSITIONS = ("hold", "resume", "cancel")

DECISION_TITLES = {
    Decision.APPROVED: gettext_lazy("Approve order %(order)s"),
    Decision.REJECTED: gettext_lazy("Reject order %(order)s"),
}


class OrderWorkflowMixin:
    """Mixed into OrderAdmin: approve/reject, payment clearances, hold/resume/cancel."""

    action_form_template = "admin/orders/order/action_form.html"
    bulk_decision_template = "admin/orders/order/bulk_decision.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/approve/",
                wrap(self.approve_view),
                name="{}_{}_approve".format(*info),
            ),
            path(
                "<path:object_id>/reject/",
                wrap(self.reject_view),
                name="{}_{}_reject".format(*info),
            ),
            path(
                "<path:object_id>/clearance/<str:kind>/",
                wrap(self.clearance_view),
                name="{}_{}_clearance".format(*info),
            ),
            path(
                "<path:object_id>/transition/<str:name>/",
                wrap(self.transition_view),
                name="{}_{}_transition".format(*info),
            ),
            *super().get_urls(),
        ]

    # ---- the buttons' views ----------------------------------------------------------------
    def approve_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._decision_view(request, object_id, Decision.APPROVED)

    def reject_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._decision_view(request, object_id, Decision.REJECTED)

    def _decision_view(self, request, object_id, decision: str) -> HttpResponse:
        def perform(order: Order, data: dict) -> str:
            approval = approval_record(
                order_id=order.pk,
                user=request.user,
                decision=decision,
                comment=data["comment"],
                version=data.get("version"),
            )
            return self._decision_message(approval)

        return self._order_action_view(
            request,
            object_id,
            title=DECISION_TITLES[decision],
            perform=perform,
            comment_required=decision == Decision.REJECTED,
            comment_label=_("Reason") if decision == Decision.REJECTED else None,
        )

    def clearance_view(self, request: HttpRequest, object_id: str, kind: str) -> HttpResponse:
        if kind not in MANAGER_CLEARANCES:
            raise Http404

        def perform(order: Order, data: dict) -> str:
            clearance_record(
                order_id=order.pk,
                user=request.user,
                kind=kind,
                reference=data.get("reference", ""),
                reason=data["comment"],
                version=data.get("version"),
            )
            return _("“%(what)s” recorded for order %(order)s.") % {
                "what": Clearance(kind).label,
                "order": order,
            }

        return self._order_action_view(
            request,
            object_id,
            title=Clearance(kind).label,
            perform=perform,
            form_class=ClearanceForm,
            comment_required=kind in CLEARANCES_NEEDING_REASON,
            comment_label=_("Reason"),
        )

    def transition_view(self, request: HttpRequest, object_id: str, name: str) -> HttpResponse:
        if name not in MANAGER_TRANSITIONS:
            raise Http404

        def perform(order: Order, data: dict) -> str:
            moved = order_transition(
                order_id=order.pk,
                user=request.user,
                name=name,
                comment=data["comment"],
                version=data.get("version"),
            )
            return _("%(action)s: order %(order)s is now %(stage)s.") % {
                "action": TRANSITION_LABELS[name],
                "order": moved,
                "stage": moved.get_stage_display(),
            }

        needs_reason = name in TRANSITIONS_NEEDING_REASON
        return self._order_action_view(
            request,
            object_id,
            title=TRANSITION_LABELS[name],
            perform=perform,
            comment_required=needs_reason,
            comment_label=_("Reason") if needs_reason else None,
        )

    def _order_action_view(
        self,
        request: HttpRequest,
        object_id: str,
        *,
        title,
        perform: Callable[[Order, dict], str],
        form_class: type[OrderActionForm] = OrderActionForm,
        comment_required: bool = False,
        comment_label=None,
    ) -> HttpResponse:
        order = self.get_object(request, unquote(object_id))
        if order is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, order):
            raise PermissionDenied
        form_options = {"comment_required": comment_required, "comment_label": comment_label}
        if request.method == "POST":
            form = form_class(request.POST, **form_options)
            if form.is_valid():
                try:
                    self.message_user(request, perform(order, form.cleaned_data), messages.SUCCESS)
                except (ActionRefused, StaleOrderError) as refusal:
                    self.message_user(request, refusal_text(refusal), messages.ERROR)
                return HttpResponseRedirect(self._change_url(order))
        else:
            form = form_class(initial={"version": order.version}, **form_options)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": order,
            "title": str(title) % {"order": order},
            "form": form,
            "change_url": self._change_url(order),
            "waiting_for": self._waiting_for_label(order),
        }
        return TemplateResponse(request, self.action_form_template, context)

    def _change_url(self, order: Order) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[order.pk],
            current_app=self.admin_site.name,
        )

    @staticmethod
    def _waiting_for_label(order: Order):
        if order.stage != Stage.IN_REVIEW:
            return None
        step = rules.next_approval_step(order)
        return ApprovalStep(step).label if step else None

    @staticmethod
    def _decision_message(approval) -> str:
        order = Order.objects.get(pk=approval.order_id)
        if approval.decision == Decision.REJECTED:
            return _("Order %(order)s rejected at “%(step)s” and returned to %(stage)s.") % {
                "order": order,
                "step": approval.get_step_display(),
                "stage": order.get_stage_display(),
            }
        if order.stage == Stage.APPROVED:
            return _("Order %(order)s signed (“%(step)s”): the contract is approved.") % {
                "order": order,
                "step": approval.get_step_display(),
            }
        return _("Order %(order)s signed (“%(step)s”); it now waits for: %(next)s.") % {
            "order": order,
            "step": approval.get_step_display(),
            "next": OrderWorkflowMixin._waiting_for_label(order),
        }

    # ---- the change page ---------------------------------------------------------------------
    def workflow_context(self, request: HttpRequest, order: Order) -> dict:
        """The buttons this user may press on the order's page, and the gates of its next step."""
        user = request.user
        buttons = []
        waiting = self._waiting_for_label(order)
        if waiting is not None:
            step = rules.next_approval_step(order)
            if has_role(user, rules.APPROVAL_STEP_ROLE[step]):
                buttons.append((_("Approve"), self._workflow_url(order, "approve"), "default"))
                buttons.append((_("Reject"), self._workflow_url(order, "reject"), "deletelink"))
        if order.stage in CLEARANCE_STAGES:
            given = {clearance.kind for clearance in order.clearances.all()}
            for kind in MANAGER_CLEARANCES:
                if kind not in given and has_role(user, *rules.CLEARANCE_ROLES[kind]):
                    url = self._workflow_url(order, "clearance", kind)
                    buttons.append((Clearance(kind).label, url, ""))
        possible = set(available_transitions(order, user))
        for name in MANAGER_TRANSITIONS:
            if name in possible:
                url = self._workflow_url(order, "transition", name)
                style = "deletelink" if name == "cancel" else ""
                buttons.append((TRANSITION_LABELS[name], url, style))
        stage = order.held_from if order.stage == Stage.ON_HOLD else order.stage
        next_transition = NEXT_TRANSITION.get(stage)
        return {
            "workflow_buttons": buttons,
            "waiting_for": waiting,
            "next_transition_label": TRANSITION_LABELS.get(next_transition),
            "gates": gate_statuses(order, next_transition) if next_transition else [],
        }

    def _workflow_url(self, order: Order, view: str, *args: str) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}",
            args=[order.pk, *args],
            current_app=self.admin_site.name,
        )

    # ---- list actions --------------------------------------------------------------------------
    @admin.action(description=gettext_lazy("Approve selected orders"), permissions=["view"])
    def approve_selected(self, request, queryset):
        return self._bulk_decision(request, queryset, Decision.APPROVED)

    @admin.action(description=gettext_lazy("Reject selected orders"), permissions=["view"])
    def reject_selected(self, request, queryset):
        return self._bulk_decision(request, queryset, Decision.REJECTED)

    def _bulk_decision(self, request, queryset, decision: str):
        rejecting = decision == Decision.REJECTED
        orders = list(queryset.order_by("pk"))

        def run(comment: str) -> None:
            run_each(
                self,
                request,
                orders,
                lambda order: approval_record(
                    order_id=order.pk, user=request.user, decision=decision, comment=comment
                ),
                lambda order, approval: self._decision_message(approval),
                refused=lambda order, reason: (
                    _("Order %(order)s: %(reason)s") % {"order": order, "reason": reason}
                ),
            )

        return ask_comment_then_run(
            self,
            request,
            orders,
            run=run,
            template=self.bulk_decision_template,
            title=_("Reject orders") if rejecting else _("Approve orders"),
            admin_action="reject_selected" if rejecting else "approve_selected",
            rejecting=rejecting,
            form_options={
                "comment_required": rejecting,
                "comment_label": _("Reason") if rejecting else None,
            },
        )
