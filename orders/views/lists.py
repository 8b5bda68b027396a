from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from orders import selectors
from orders.exports.lists import OrderListTable
from orders.exports.registry import sheets
from orders.views.generic import ObjectListView


class OrderListView(ObjectListView):
    table_class = OrderListTable
    template_name = "orders/order_list.html"

    def extra_context(self) -> dict:
        return {"sheets": sheets(), "today": timezone.localdate()}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "orders/home.html", {"home": selectors.home(request.user)})
