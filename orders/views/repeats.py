"""R28: repeat an order from its page, and record the customer's confirmation of the artwork."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders import selectors
from orders.repeats.forms import ArtworkConfirmForm, RepeatOrderForm
from orders.repeats.services import order_repeat, repeat_artwork_confirm
from orders.services.common import ActionRefused
from orders.views.generic import OrderAction, refusal_message


@login_required
def order_repeat_view(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_detail(request.user, pk)
    form = RepeatOrderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            repeat = order_repeat(order_id=order.pk, user=request.user, **form.cleaned_data)
        except ActionRefused as refused:
            messages.error(request, refusal_message(refused))
        except ValidationError as invalid:
            form.add_error(None, invalid.messages)
        else:
            messages.success(
                request,
                _("Repeat order %(order)s entered: check its lines and quantities.")
                % {"order": repeat},
            )
            return redirect(repeat)
    return render(request, "orders/repeats/repeat_form.html", {"form": form, "order": order})


class ArtworkConfirmView(OrderAction):
    form_class = ArtworkConfirmForm

    def perform(self, request, obj, form) -> str:
        repeat_artwork_confirm(order_id=obj.pk, user=request.user, **form.cleaned_data)
        return _("The customer's confirmation of the artwork and shipping marks is recorded.")
