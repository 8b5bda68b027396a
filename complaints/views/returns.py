"""Return screens (R17): the application, its approval, the notice to the customer, receipt,
the sign-offs in order, the return note; goods that arrive unannounced."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import has_transition_perm

from complaints import forms, permissions, rules, selectors, services
from complaints.choices import ReturnStatus
from complaints.views.common import ReturnAction
from orders.documents.forms import SendLanguageForm
from orders.selectors import order_detail
from orders.services.common import ActionRefused
from orders.services.submissions import AlreadySubmitted, submitted_once
from orders.views.generic import OrderAction, refusal_message


@login_required
def return_create_view(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = order_detail(request.user, order_pk)
    if not permissions.can_apply_return(order, request.user):
        raise PermissionDenied
    initial = {"applied_on": timezone.localdate()}
    complaint_id = request.GET.get("complaint")
    if complaint_id and complaint_id.isdigit():
        initial.update(complaint_id=int(complaint_id), production_problem=True)
    form = forms.ReturnForm(request.POST or None, order=order, initial=initial)
    lines = forms.ReturnLineFormSet(
        request.POST or None,
        prefix="lines",
        initial=[{"style_no": order.style_no, "colour": line.colour} for line in order.lines.all()],
    )
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            with submitted_once(request, form):
                application = services.return_apply(
                    order_id=order.pk,
                    user=request.user,
                    lines=[line for line in lines.cleaned_data if line],
                    **form.cleaned_data,
                )
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
            if isinstance(refused, AlreadySubmitted):
                return redirect(order)
        else:
            messages.success(
                request,
                _("Return application %(number)s recorded; it waits for approval.")
                % {"number": application.number},
            )
            return redirect(application)
    context = {"order": order, "form": form, "lines": lines}
    return render(request, "complaints/return_form.html", context)


def _return_forms(application, user) -> dict:
    order, status = application.order, application.status
    result = {}
    if status == ReturnStatus.AWAITING_APPROVAL and permissions.can_decide_return(order, user):
        if not rules.r17_needs_general_manager(application, user):
            result["approve"] = forms.ApproveReturnForm()
        result["refuse"] = forms.RefuseReturnForm()
    if status == ReturnStatus.APPROVED:
        if permissions.can_notify_customer(order, user):
            result["notify"] = True
        if permissions.can_receive_return(order, user):
            result["receive"] = forms.ReceiveForm(application=application)
    if status == ReturnStatus.RECEIVED:
        step = rules.r17_next_sign_off(application)
        if step and rules.r17_sign_off_refusal(application, step, user) is None:
            result["sign"] = forms.SignOffForm(initial={"step": step})
    if has_transition_perm(application.issue_note, user):
        result["note"] = forms.EmptyForm()
    if status == ReturnStatus.CLOSED and permissions.can_notify_customer(order, user):
        result["send_note"] = True
    return result


@login_required
def return_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.return_detail(request.user, pk)
    signed = {sign_off.step: sign_off for sign_off in application.sign_offs.all()}
    context = {
        "application": application,
        "order": application.order,
        "forms": _return_forms(application, request.user),
        "next_step": rules.r17_next_sign_off(application)
        if application.status == ReturnStatus.RECEIVED
        else None,
        "sign_offs": [(step, signed.get(step)) for step in forms.SignOffStep],
    }
    return render(request, "complaints/return_detail.html", context)


class ApproveView(ReturnAction):
    form_class = forms.ApproveReturnForm

    def perform(self, request, application, form, **kwargs) -> str:
        services.return_approve(
            application_id=application.pk, user=request.user, **form.cleaned_data
        )
        return _("Return approved; tell the customer to ship.")


class RefuseView(ReturnAction):
    form_class = forms.RefuseReturnForm

    def perform(self, request, application, form, **kwargs) -> str:
        services.return_refuse(
            application_id=application.pk, user=request.user, **form.cleaned_data
        )
        return _("Return refused.")


class NotifyView(ReturnAction):
    form_class = SendLanguageForm

    def perform(self, request, application, form, **kwargs) -> str:
        document = services.return_notify_customer(
            application_id=application.pk, user=request.user, language=form.cleaned_data["lang"]
        )
        return _("The approved application is being sent to %(email)s.") % {
            "email": document.recipient_email
        }


class ReceiveView(ReturnAction):
    form_class = forms.ReceiveForm

    def form_kwargs(self, application) -> dict:
        return {"application": application}

    def invalid(self, form) -> HttpResponse:
        messages.error(self.request, _("Enter the quantity received for every line."))
        return redirect(self.object)

    def perform(self, request, application, form, **kwargs) -> str:
        services.return_receive(
            application_id=application.pk,
            user=request.user,
            received=form.received(),
            differences=form.cleaned_data["differences"],
        )
        return _("Goods received and checked; the sign-offs follow.")


class SignOffView(ReturnAction):
    form_class = forms.SignOffForm

    def perform(self, request, application, form, **kwargs) -> str:
        sign_off = services.return_sign_off(
            application_id=application.pk, user=request.user, **form.cleaned_data
        )
        return _("Signed as %(step)s.") % {"step": sign_off.get_step_display()}


class NoteView(ReturnAction):
    form_class = forms.EmptyForm

    def perform(self, request, application, form, **kwargs) -> str:
        application = services.return_note_issue(application_id=application.pk, user=request.user)
        return _("Return note %(number)s issued.") % {"number": application.note_number}


class NoteSendView(ReturnAction):
    form_class = SendLanguageForm

    def perform(self, request, application, form, **kwargs) -> str:
        document = services.return_note_send(
            application_id=application.pk, user=request.user, language=form.cleaned_data["lang"]
        )
        return _("The return note is being sent to %(email)s.") % {
            "email": document.recipient_email
        }


class ArrivalView(OrderAction):
    form_class = forms.ArrivalForm

    def perform(self, request, order, form, **kwargs) -> str:
        arrival = services.unannounced_arrival_record(
            order_id=order.pk, user=request.user, **form.cleaned_data
        )
        return _("Returned goods recorded as %(decision)s.") % {
            "decision": arrival.get_decision_display()
        }
