from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404

from complaints import selectors
from orders import selectors as order_selectors
from orders.views.generic import ServiceActionView


def visible_order_or_404(user, pk: int):
    try:
        return order_selectors.order_detail(user, pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing


class ComplaintAction(ServiceActionView):
    def get_object(self, request, pk):
        return selectors.complaint_detail(request.user, pk)


class ReturnAction(ServiceActionView):
    def get_object(self, request, pk):
        return selectors.return_detail(request.user, pk)


class OrderAction(ServiceActionView):
    def get_object(self, request, pk):
        return order_selectors.order_detail(request.user, pk)
