"""The change request's pages (R8, R14): raise or edit one from the order page, then its page
with the diff, the impact, the answers and the chain, and one POST per step. Each POST calls one
service; the services enforce who may and when."""

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders import selectors
from orders.changes import forms
from orders.changes.apply import change_request_apply
from orders.changes.choices import ChangeStatus
from orders.changes.fields import contract_snapshot
from orders.changes.lifecycle import (
    change_approval_record,
    change_customer_confirm,
    change_factory_answer,
    change_request_reopen,
    change_request_send,
    change_request_withdraw,
)
from orders.changes.lifecycle import change_request_refuse as refuse_service
from orders.changes.selectors import change_detail, change_page, visible_changes
from orders.changes.services import (
    change_request_raise,
    change_request_refresh,
    change_request_update,
)
from orders.choices import Decision
from orders.services.common import ActionRefused
from orders.services.submissions import AlreadySubmitted, submitted_once
from orders.views.generic import ServiceActionView, refusal_message


@login_required
def change_raise_view(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_detail(request.user, pk)
    base = contract_snapshot(order)
    form = forms.ChangeRequestForm(request.POST or None, order=order, base=base, proposed=base)
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(request, form):
                change = change_request_raise(
                    order_id=order.pk,
                    user=request.user,
                    proposed=form.proposal(),
                    **form.service_options(),
                )
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
            if isinstance(refused, AlreadySubmitted):
                return redirect(order)
        else:
            messages.success(
                request,
                _("%(change)s drafted: check the diff and the impact, then send it to the factory.")
                % {"change": change.label},
            )
            return redirect(change)
    return render(
        request, "orders/changes/change_form.html", {"form": form, "order": order, "change": None}
    )


@login_required
def change_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    change = change_detail(request.user, pk)
    order = change.order
    form = forms.ChangeRequestForm(
        request.POST or None,
        order=order,
        base=change.base,
        proposed=change.proposed,
        initial={
            "requested_by": change.requested_by,
            "customer_reference": change.customer_reference,
            "customer_reference_date": change.customer_reference_date,
            "reason": change.reason,
            "is_amendment": change.is_amendment,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            change_request_update(
                change_id=change.pk,
                user=request.user,
                proposed=form.proposal(),
                **form.service_options(),
            )
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
        else:
            messages.success(request, _("%(change)s saved.") % {"change": change.label})
            return redirect(change)
    return render(
        request, "orders/changes/change_form.html", {"form": form, "order": order, "change": change}
    )


@login_required
def change_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    change = change_detail(request.user, pk)
    page = change_page(change, request.user)
    context = {
        "change": change,
        "order": change.order,
        "page": page,
        "statuses": ChangeStatus,
        "factory_form": forms.FactoryAnswerForm(),
        "customer_form": forms.CustomerConfirmForm(
            initial={"reference": change.customer_reference}
        ),
    }
    return render(request, "orders/changes/change_detail.html", context)


class ChangeActionView(ServiceActionView):
    form_class = forms.ReasonForm

    def get_object(self, request, pk):
        return visible_changes(request.user).get(pk=pk)


class ChangeSendView(ChangeActionView):
    form_class = django_forms.Form

    def perform(self, request, obj, form) -> str:
        change_request_send(change_id=obj.pk, user=request.user)
        return _("The change notice is on its way to %(factory)s.") % {"factory": obj.order.factory}


class ChangeFactoryAnswerView(ChangeActionView):
    form_class = forms.FactoryAnswerForm

    def perform(self, request, obj, form) -> str:
        try:
            production = form.production(request.POST)
        except ValidationError as error:
            raise ActionRefused(" ".join(error.messages)) from None
        data = form.cleaned_data
        change = change_factory_answer(
            change_id=obj.pk,
            user=request.user,
            agreed=data["agreed"],
            name=data["name"],
            comment=data["comment"],
            production=production,
        )
        return _("The factory's answer is recorded: %(answer)s.") % {
            "answer": change.get_factory_answer_display().lower()
        }


class ChangeCustomerConfirmView(ChangeActionView):
    form_class = forms.CustomerConfirmForm

    def perform(self, request, obj, form) -> str:
        data = form.cleaned_data
        change_customer_confirm(
            change_id=obj.pk,
            user=request.user,
            confirmed_by=data["confirmed_by"],
            confirmed_on=data["confirmed_on"],
            reference=data["reference"],
        )
        return _("The customer's confirmation is recorded; the change goes for approval.")


class ChangeSignView(ChangeActionView):
    form_class = forms.ChangeSignForm

    def perform(self, request, obj, form) -> str:
        approval = change_approval_record(
            change_id=obj.pk,
            user=request.user,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
        )
        if approval.decision == Decision.REJECTED:
            return _("Rejected: the change request is refused.")
        return _("Signed: %(step)s.") % {"step": approval.get_step_display()}


class ChangeApplyView(ChangeActionView):
    form_class = django_forms.Form

    def perform(self, request, obj, form) -> str:
        change = change_request_apply(change_id=obj.pk, user=request.user)
        return _("Applied: the order is now revision %(revision)s.") % {
            "revision": change.applied_revision
        }


class ChangeRefreshView(ChangeActionView):
    form_class = django_forms.Form

    def perform(self, request, obj, form) -> str:
        change_request_refresh(change_id=obj.pk, user=request.user)
        return _("Refreshed onto the current order: check the diff again; it is a draft again.")


class ChangeCloseView(ChangeActionView):
    """Refuse, withdraw or send back to draft, each with its reason."""

    services = {
        "refuse": (refuse_service, gettext_lazy("The change request is refused.")),
        "withdraw": (change_request_withdraw, gettext_lazy("The change request is withdrawn.")),
        "reopen": (change_request_reopen, gettext_lazy("The change request is back to draft.")),
    }

    def perform(self, request, obj, form, *, name: str) -> str:
        if name not in self.services:
            raise Http404
        service, message = self.services[name]
        service(change_id=obj.pk, user=request.user, reason=form.cleaned_data["reason"])
        return str(message)
