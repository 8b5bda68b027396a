from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from orders import selectors
from orders.filters import OrderFilterSet
from orders.views.generic import ObjectListView


class OrderListView(ObjectListView):
    queryset = staticmethod(selectors.order_list)
    filterset_class = OrderFilterSet
    template_name = "orders/order_list.html"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "orders/home.html", {"home": selectors.home(request.user)})
