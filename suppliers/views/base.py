"""The materials' actions have a page of their own (orders.views.generic.ServiceActionView with a
template): the URL's pk names an order or one of its materials, and success returns to the
order's Materials section."""

from django.http import HttpRequest

from orders.models import Order
from orders.views.generic import ServiceActionView
from orders.visibility import visible


class MaterialActionView(ServiceActionView):
    template_name = "suppliers/action_form.html"
    # Which model the URL's pk names (None: the order), and the way from it to its order.
    model: type | None = None
    order_path = "order"

    def get_object(self, request: HttpRequest, pk: int):
        if self.model is None:
            return visible(Order, request.user, pk)
        return visible(self.model, request.user, pk, via=self.order_path)

    def order_of(self, obj):
        if self.model is None:
            return obj
        for part in self.order_path.split("__"):
            obj = getattr(obj, part)
        return obj

    def page_context(self, obj) -> dict:
        return {"object": obj, "order": self.order_of(obj)}

    def success_url(self, obj) -> str:
        return self.order_of(obj).get_absolute_url() + "#materials"
