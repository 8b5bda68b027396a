from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from orders import selectors
from orders.choices import TRANSITIONS_NEEDING_REASON
from orders.forms import ContractCheckForm
from orders.models import ContractCheck
from orders.models.review import CONTRACT_CHECK_ITEMS


@login_required
def order_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_detail(request.user, pk)
    page = selectors.order_page(order, request.user)
    context = {
        "order": order,
        "page": page,
        "needs_reason": TRANSITIONS_NEEDING_REASON,
        "contract_form": _contract_form(order) if page.may_check_contract else None,
    }
    return render(request, "orders/order_detail.html", context)


def _contract_form(order) -> ContractCheckForm:
    try:
        check = order.contract_check
    except ContractCheck.DoesNotExist:
        check = ContractCheck(order=order)
    initial = {name: getattr(check, name) for name, _label in CONTRACT_CHECK_ITEMS}
    initial.update(
        customer_signed=check.customer_signed, mismatches=check.mismatches, version=order.version
    )
    return ContractCheckForm(initial=initial)
