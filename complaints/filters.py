"""Filters of the complaints and returns lists (django-filter)."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from complaints.choices import (
    OPEN_COMPLAINT_STATUSES,
    ComplaintKind,
    ComplaintStatus,
    ReturnCause,
    ReturnStatus,
)
from complaints.models import Complaint, ReturnApplication
from orders.models import Customer
from orders.widgets import DateRangeWidget
from suppliers.models import Factory


def _search(queryset: QuerySet, name: str, value: str) -> QuerySet:
    value = value.strip()
    if not value:
        return queryset
    return queryset.filter(
        Q(order__po_number__icontains=value) | Q(order__style_no__icontains=value)
    )


class ComplaintFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("P/O or style no."), method=_search)
    open = django_filters.BooleanFilter(
        label=_("Open only"), method="filter_open", widget=forms.CheckboxInput
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ComplaintStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ComplaintKind.choices)
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), field_name="order__customer", queryset=Customer.objects.all()
    )
    factory = django_filters.ModelChoiceFilter(
        label=_("Factory"), field_name="order__factory", queryset=Factory.objects.all()
    )
    received_on = django_filters.DateFromToRangeFilter(
        label=_("Received"),
        widget=DateRangeWidget(),
    )

    class Meta:
        model = Complaint
        fields = ["q", "open", "status", "kind", "customer", "factory", "received_on"]

    def filter_open(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(status__in=OPEN_COMPLAINT_STATUSES) if value else queryset


class ReturnFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("P/O or style no."), method=_search)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReturnStatus.choices)
    cause = django_filters.ChoiceFilter(label=_("Cause"), choices=ReturnCause.choices)
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), field_name="order__customer", queryset=Customer.objects.all()
    )
    applied_on = django_filters.DateFromToRangeFilter(
        label=_("Customer applied on"),
        widget=DateRangeWidget(),
    )

    class Meta:
        model = ReturnApplication
        fields = ["q", "status", "cause", "customer", "applied_on"]
