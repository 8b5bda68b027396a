"""The order list's filters (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from orders.choices import Stage
from orders.models import Customer, Order
from orders.selectors import late_orders_q
from orders.widgets import DateRangeWidget


def factories() -> QuerySet:
    return Order._meta.get_field("factory").related_model.objects.all()


class OrderFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices)
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), queryset=Customer.objects.all()
    )
    # The factory model is the suppliers app's: read through the order, as orders/ imports no app.
    factory = django_filters.ModelChoiceFilter(
        label=_("Factory"), queryset=lambda request: factories()
    )
    ex_factory_date = django_filters.DateFromToRangeFilter(
        label=_("Ex-factory date"),
        widget=DateRangeWidget(),
    )
    customer_date = django_filters.DateFromToRangeFilter(
        label=_("Customer date"),
        widget=DateRangeWidget(),
    )
    late = django_filters.BooleanFilter(
        label=_("Late"),
        method="filter_late",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Order
        fields = ["q", "stage", "customer", "factory", "ex_factory_date", "customer_date", "late"]

    def search(self, queryset: QuerySet[Order], name: str, value: str) -> QuerySet[Order]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(po_number__icontains=value) | Q(style_no__icontains=value))

    def filter_late(self, queryset: QuerySet[Order], name: str, value: bool) -> QuerySet[Order]:
        # An unticked box means "all orders", not "only orders on time".
        return queryset.filter(late_orders_q()) if value else queryset
