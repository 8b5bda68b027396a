"""Filters of the quotations list (django-filter)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from orders.models import Customer
from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation


def _search(queryset: QuerySet, name: str, value: str) -> QuerySet:
    value = value.strip()
    if not value:
        return queryset
    return queryset.filter(Q(style_no__icontains=value) | Q(description__icontains=value))


class QuotationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Style no. or description"), method=_search)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=QuotationStatus.choices)
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), queryset=Customer.objects.all()
    )

    class Meta:
        model = Quotation
        fields = ["q", "status", "customer"]
