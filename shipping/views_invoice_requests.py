"""R34's screens: the request on the order page, the list of requests waiting for this user."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from orders import selectors as order_selectors
from orders.views.generic import ServiceActionView
from shipping import forms, selectors, services
from shipping.models import InvoiceRequest


class InvoiceRequestRaiseView(ServiceActionView):
    form_class = forms.InvoiceRequestForm

    def get_object(self, request, pk):
        return order_selectors.order_detail(request.user, pk)

    def perform(self, request, order, form, **kwargs) -> str:
        services.invoice_request_raise(
            order_id=order.pk, user=request.user, note=form.cleaned_data["note"]
        )
        return _("Invoice request raised: it waits for its approvals.")


class InvoiceRequestDecisionView(ServiceActionView):
    form_class = forms.CommentForm

    def get_object(self, request, pk):
        invoice_request = InvoiceRequest.objects.get(pk=pk)
        return order_selectors.order_detail(request.user, invoice_request.order_id)

    def perform(self, request, order, form, *, decision: str) -> str:
        comment = form.cleaned_data["comment"]
        if decision == "approve":
            services.invoice_request_approve(
                request_id=self.kwargs["pk"], user=request.user, comment=comment
            )
            return _("Invoice request signed.")
        services.invoice_request_refuse(
            request_id=self.kwargs["pk"], user=request.user, reason=comment
        )
        return _("Invoice request refused.")


@login_required
def invoice_requests_view(request: HttpRequest) -> HttpResponse:
    """What waits for this user: the level they sign, or (finance) the invoices to issue."""
    waiting, to_invoice = selectors.invoice_requests_waiting(request.user)
    return render(
        request,
        "shipping/invoice_requests.html",
        {"waiting": waiting, "to_invoice": to_invoice},
    )
