"""Complaint screens (R16): file one, follow its report step by step, raise a factory claim."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints import forms, permissions, rules, selectors, services
from complaints.choices import ComplaintStatus
from complaints.views.common import ComplaintAction
from orders.selectors import order_detail
from orders.services.common import ActionRefused
from orders.services.submissions import AlreadySubmitted, submitted_once
from orders.views.generic import refusal_message


@login_required
def complaint_create_view(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = order_detail(request.user, order_pk)
    if not permissions.can_file_complaint(order, request.user):
        raise PermissionDenied
    form = forms.ComplaintForm(
        request.POST or None,
        request.FILES or None,
        order=order,
        initial={"received_on": timezone.localdate(), "quantity_affected": 0},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(request, form):
                complaint = services.complaint_file(
                    order_id=order.pk, user=request.user, **form.cleaned_data
                )
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
            if isinstance(refused, AlreadySubmitted):
                return redirect(order)
        else:
            messages.success(
                request, _("Complaint %(number)s filed.") % {"number": complaint.number}
            )
            return redirect(complaint)
    return render(request, "complaints/complaint_form.html", {"order": order, "form": form})


def _step_forms(complaint, user) -> dict:
    order, status = complaint.order, complaint.status
    step = {
        ComplaintStatus.AWAITING_APPROVAL: (
            "approve",
            permissions.can_approve_report,
            forms.CommentForm,
        ),
        ComplaintStatus.AWAITING_ANALYSIS: ("analyse", permissions.can_analyse, forms.AnalyseForm),
        ComplaintStatus.AWAITING_REPLY: ("reply", permissions.can_reply, forms.ReplyForm),
        ComplaintStatus.REMEDY_IN_PROGRESS: (
            "ship_remedy",
            permissions.can_reply,
            forms.RemedyShippedForm,
        ),
    }.get(status)
    result = {}
    if step and step[1](order, user):
        initial = {"shipped_on": timezone.localdate()} if step[0] == "ship_remedy" else None
        result[step[0]] = step[2](initial=initial)
    if rules.r16_claim_refusal(complaint) is None and permissions.can_raise_claim(order, user):
        result["claim"] = forms.ClaimForm()
    if permissions.can_reply(order, user) or permissions.can_analyse(order, user):
        result["attach"] = forms.AttachmentForm()
    return result


@login_required
def complaint_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = selectors.complaint_detail(request.user, pk)
    order = complaint.order
    context = {
        "complaint": complaint,
        "order": order,
        "forms": _step_forms(complaint, request.user),
        "claim": getattr(complaint, "factory_claim", None),
        "may_apply_return": permissions.can_apply_return(order, request.user),
    }
    return render(request, "complaints/complaint_detail.html", context)


class ApproveView(ComplaintAction):
    form_class = forms.CommentForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.complaint_approve(
            complaint_id=complaint.pk, user=request.user, **form.cleaned_data
        )
        return _("Complaint report approved; QA analyses the cause next.")


class AnalyseView(ComplaintAction):
    form_class = forms.AnalyseForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.complaint_analyse(
            complaint_id=complaint.pk, user=request.user, **form.cleaned_data
        )
        return _("Cause and corrective action recorded.")


class ReplyView(ComplaintAction):
    form_class = forms.ReplyForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.complaint_reply(complaint_id=complaint.pk, user=request.user, **form.cleaned_data)
        return _("Reply to the customer recorded and kept.")


class RemedyShippedView(ComplaintAction):
    form_class = forms.RemedyShippedForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.complaint_remedy_shipped(
            complaint_id=complaint.pk, user=request.user, **form.cleaned_data
        )
        return _("Rework / replacement shipped; the complaint is closed.")


class ClaimView(ComplaintAction):
    form_class = forms.ClaimForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.factory_claim_raise(
            complaint_id=complaint.pk, user=request.user, **form.cleaned_data
        )
        return _("Claim against the factory raised; it shows in the order's settlement.")


class AttachView(ComplaintAction):
    form_class = forms.AttachmentForm

    def perform(self, request, complaint, form, **kwargs) -> str:
        services.complaint_attach(complaint_id=complaint.pk, user=request.user, **form.cleaned_data)
        return _("File added.")
