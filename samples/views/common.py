from django.contrib import messages

from orders.models import Order
from orders.services.common import ActionRefused
from orders.views.generic import refusal_message
from samples.models import CommentLetter, SampleRequest

# What the sample pages look up (through orders.visibility.visible: 404 unless the order is seen).
ORDERS = Order.objects.select_related("customer", "factory", "team")
SAMPLES = SampleRequest.objects.select_related("order")
LETTERS = CommentLetter.objects.select_related("sample__order")


def refuse(request, error: ActionRefused) -> None:
    messages.error(request, refusal_message(error))
