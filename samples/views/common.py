from orders.models import Order
from samples.models import CommentLetter, SampleRequest

# What the sample pages look up (through orders.visibility.visible: 404 unless the order is seen).
ORDERS = Order.objects.select_related("customer", "factory", "team")
SAMPLES = SampleRequest.objects.select_related("order")
LETTERS = CommentLetter.objects.select_related("sample__order")
