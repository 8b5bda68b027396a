from django.contrib import messages
from django.http import Http404

from orders.selectors import visible_orders
from orders.services.common import ActionRefused
from orders.views.generic import refusal_message
from samples.models import CommentLetter, SampleRequest


def visible_order(user, pk: int):
    try:
        return visible_orders(user).select_related("customer", "factory", "team").get(pk=pk)
    except visible_orders(user).model.DoesNotExist as missing:
        raise Http404 from missing


def visible_sample(user, pk: int) -> SampleRequest:
    try:
        return SampleRequest.objects.select_related("order").get(
            pk=pk, order__in=visible_orders(user)
        )
    except SampleRequest.DoesNotExist as missing:
        raise Http404 from missing


def visible_letter(user, pk: int) -> CommentLetter:
    try:
        return CommentLetter.objects.select_related("sample__order").get(
            pk=pk, sample__order__in=visible_orders(user)
        )
    except CommentLetter.DoesNotExist as missing:
        raise Http404 from missing


def refuse(request, error: ActionRefused) -> None:
    messages.error(request, refusal_message(error))
