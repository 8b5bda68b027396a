from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from orders.kpis import period, periods, scorecard
from suppliers import selectors
from suppliers.choices import SupplierKind
from suppliers.models import Factory, Supplier
from suppliers.permissions import may_review_trim_card


@login_required
def trim_cards_waiting_view(request: HttpRequest) -> HttpResponse:
    """R1: every trim card waiting for review, soonest deadline first."""
    page = Paginator(selectors.trim_cards_waiting(request.user), 50).get_page(
        request.GET.get("page")
    )
    for card in page:
        # Only who manages the order's materials checks a card (R1); the others see the list.
        card.may_check = may_review_trim_card(card, request.user)
    return render(request, "suppliers/trim_cards_waiting.html", {"page_obj": page})


@login_required
def supplier_list_view(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in SupplierKind.values:
        kind = ""
    context = {
        "suppliers": selectors.suppliers_list(kind=kind),
        "factories": Factory.objects.all() if not kind else Factory.objects.none(),
        "kinds": SupplierKind.choices,
        "kind": kind,
    }
    return render(request, "suppliers/supplier_list.html", context)


@login_required
def supplier_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    supplier = get_object_or_404(Supplier.objects.prefetch_related("contacts"), pk=pk)
    context = {
        "supplier": supplier,
        "orders": selectors.supplier_orders(supplier, request.user),
        "lab_tests": selectors.lab_tests_of(supplier)
        if supplier.kind == SupplierKind.TEST_LAB
        else [],
    }
    return render(request, "suppliers/supplier_detail.html", context)


FACTORY_ORDER_ROWS = 50


@login_required
def factory_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    factory = get_object_or_404(Factory.objects.prefetch_related("contacts"), pk=pk)
    orders = selectors.factory_orders(factory, request.user)
    # The scorecard counts the last 12 months unless another period is chosen (as the KPIs).
    chosen = period(request.GET.get("period"))
    context = {
        "factory": factory,
        # A factory of long standing has thousands: the first ones, and the order list for all.
        "orders": orders[:FACTORY_ORDER_ROWS],
        "order_count": orders.count(),
        "scorecard": scorecard(factory, chosen.since),
        "period": chosen,
        "periods": periods(),
    }
    return render(request, "suppliers/factory_detail.html", context)
