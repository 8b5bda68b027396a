"""Order create and edit: parse the header form and the lines, then call the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders import selectors
from orders.forms import OrderForm, OrderLineFormSet, line_initial
from orders.models import Order, StaleOrderError
from orders.permissions import is_managing
from orders.services.common import ActionRefused
from orders.services.orders import order_create, order_update
from orders.views.generic import refusal_message


@login_required
def order_create_view(request: HttpRequest) -> HttpResponse:
    form = OrderForm(request.POST or None, may_enter_for_the_record=is_managing(request.user))
    lines = OrderLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            order = order_create(
                user=request.user,
                data=form.header_data(),
                lines=lines.lines(),
                for_the_record=form.cleaned_data.get("for_the_record", False),
            )
        except (ActionRefused, ValidationError, IntegrityError) as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Order %(order)s entered.") % {"order": order})
            return redirect(order)
    return render(request, "orders/order_form.html", {"form": form, "lines": lines, "order": None})


@login_required
def order_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_detail(request.user, pk)
    if request.method == "POST":
        # The form works on a copy: the service re-reads and locks the order itself.
        form = OrderForm(request.POST, instance=Order.objects.get(pk=order.pk))
        lines = OrderLineFormSet(request.POST, prefix="lines")
        if form.is_valid() and lines.is_valid():
            try:
                order_update(
                    order_id=order.pk,
                    user=request.user,
                    version=form.cleaned_data["version"],
                    data=form.header_data(),
                    lines=lines.lines(),
                )
            except StaleOrderError as stale:
                messages.error(request, str(stale))
                return redirect(order)
            except (ActionRefused, ValidationError, IntegrityError) as error:
                _show_error(request, form, error)
            else:
                messages.success(request, _("Order %(order)s saved.") % {"order": order})
                return redirect(order)
    else:
        form = OrderForm(instance=order)
        lines = OrderLineFormSet(initial=line_initial(order), prefix="lines")
        lines.extra = 1
    return render(request, "orders/order_form.html", {"form": form, "lines": lines, "order": order})


def _show_error(request: HttpRequest, form: OrderForm, error: Exception) -> None:
    if isinstance(error, ActionRefused):
        messages.error(request, refusal_message(error))
    elif isinstance(error, ValidationError):
        on_fields = hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields)
        form.add_error(None, error if on_fields else error.messages)
    else:
        # Two people entered the same P/O at the same moment; the constraint caught the second.
        form.add_error("po_number", _("This customer already has an order with this P/O no."))
