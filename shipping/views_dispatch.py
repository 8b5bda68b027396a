"""Screens of the R15 dispatch flow: the slip, each step's button, the warehouse's count."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders import selectors as order_selectors
from orders.services.submissions import submitted_once
from orders.views.generic import ServiceActionView
from shipping import permissions, selectors
from shipping.choices import DispatchStep
from shipping.forms_dispatch import (
    DispatchSendForm,
    DispatchShipForm,
    DispatchSlipForm,
    DispatchStepForm,
    PreparedForm,
)
from shipping.services import dispatch as services
from shipping.services.common import ActionRefused

# The steps done with one button (and a comment); the warehouse's count has its own page.
BUTTON_STEPS = {
    DispatchStep.PRICES_APPROVED: (services.dispatch_approve_prices, _("Prices approved.")),
    DispatchStep.NOTE_PRINTED: (services.dispatch_print_delivery_note, _("Delivery note printed.")),
    DispatchStep.NOTE_SIGNED: (services.dispatch_sign_delivery_note, _("Delivery note signed.")),
    DispatchStep.SHIPPED: (services.dispatch_ship, _("Shipment recorded.")),
    DispatchStep.SENT: (
        services.dispatch_send_to_customer,
        _("Delivery note and waybill sent to the customer."),
    ),
}


@login_required
def dispatch_slip_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The merchandiser draws up the stock preparation slip for one shipment of the order."""
    order = order_selectors.order_detail(request.user, pk)
    if not permissions.can_handle_shipment(order, request.user):
        raise PermissionDenied
    form = DispatchSlipForm(
        request.POST or None,
        order_lines=order.lines.all(),
        remaining=services.remaining_quantities(order),
        cartons=services.cartons_by_colour(order),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with submitted_once(request, form):
                dispatch = services.dispatch_create(
                    order_id=order.pk,
                    user=request.user,
                    lines=form.lines(),
                    comment=form.cleaned_data["comment"],
                )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("Stock preparation slip %(number)s drawn up.") % {"number": dispatch.number},
            )
            return redirect(order)
    return render(request, "shipping/dispatch_slip.html", {"order": order, "form": form})


class DispatchStepView(ServiceActionView):
    def get_object(self, request, pk):
        return selectors.dispatch_detail(request.user, pk)

    def post(self, request: HttpRequest, pk: int, step: str, **kwargs) -> HttpResponse:
        if step not in BUTTON_STEPS:
            raise Http404
        self.form_class = {
            DispatchStep.SHIPPED: DispatchShipForm,
            DispatchStep.SENT: DispatchSendForm,
        }.get(step, DispatchStepForm)
        return super().post(request, pk, step=step)

    def perform(self, request, dispatch, form, *, step: str, **kwargs) -> str:
        service, message = BUTTON_STEPS[step]
        service(dispatch_id=dispatch.pk, user=request.user, **form.cleaned_data)
        return message


@login_required
def dispatch_prepare_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The warehouse confirms the models, quantities and cartons it actually prepared."""
    dispatch = selectors.dispatch_detail(request.user, pk)
    if not permissions.may_do_step(dispatch.order, request.user, DispatchStep.PREPARED):
        raise PermissionDenied
    lines = list(dispatch.lines.all())
    form = PreparedForm(request.POST or None, lines=lines)
    if request.method == "POST" and form.is_valid():
        try:
            services.dispatch_confirm_prepared(
                dispatch_id=dispatch.pk,
                user=request.user,
                prepared=form.prepared(),
                comment=form.cleaned_data["comment"],
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(dispatch.order)
    context = {"dispatch": dispatch, "order": dispatch.order, "lines": lines, "form": form}
    return render(request, "shipping/dispatch_prepare.html", context)
