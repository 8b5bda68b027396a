"""The order page's credit section (R20) and its POSTs. Each calls one service."""

from django.utils.translation import gettext as _

from orders.credit import forms, permissions, rules, services
from orders.credit.choices import GuaranteeStatus
from orders.credit.models import CreditGuarantee
from orders.views.generic import OrderAction, ServiceActionView
from orders.visibility import visible


def section_context(order, user) -> dict:
    applies = rules.r20_applies(order)
    status = rules.r20_credit_status(order) if applies else None
    guarantees = list(order.credit_guarantees.select_related("salesperson", "decided_by"))
    waiting = next((g for g in guarantees if g.status == GuaranteeStatus.REQUESTED), None)
    open_stage = order.stage in services.OPEN_STAGES
    return {
        "order": order,
        "applies": applies,
        "status": status,
        "guarantees": guarantees,
        "may_give": applies
        and open_stage
        and waiting is None
        and permissions.can_give_guarantee(order, user),
        "waiting": waiting,
        "may_decide": waiting is not None and permissions.can_decide_guarantee(waiting, user),
        "may_except": applies
        and open_stage
        and status is not None
        and status.exception is None
        and permissions.can_grant_exception(order, user),
        "note_form": forms.NoteForm(),
        "comment_form": forms.CommentForm(),
    }


class GuaranteeGiveView(OrderAction):
    form_class = forms.NoteForm

    def perform(self, request, obj, form) -> str:
        services.guarantee_give(
            order_id=obj.pk, user=request.user, note=form.cleaned_data["comment"]
        )
        return _("Guarantee recorded: a manager approves it.")


class ExceptionView(OrderAction):
    form_class = forms.NoteForm

    def perform(self, request, obj, form) -> str:
        services.credit_exception_grant(
            order_id=obj.pk, user=request.user, reason=form.cleaned_data["comment"]
        )
        return _("Credit exception recorded.")


class GuaranteeDecisionView(ServiceActionView):
    form_class = forms.CommentForm

    def get_object(self, request, pk):
        return visible(CreditGuarantee.objects.select_related("order"), request.user, pk).order

    def perform(self, request, obj, form, *, decision: str) -> str:
        comment = form.cleaned_data["comment"]
        guarantee_id = self.kwargs["pk"]
        if decision == "approve":
            services.guarantee_approve(
                guarantee_id=guarantee_id, user=request.user, comment=comment
            )
            return _("Guarantee approved.")
        services.guarantee_refuse(guarantee_id=guarantee_id, user=request.user, reason=comment)
        return _("Guarantee refused.")
