"""Filters of the shipping lists (django-filter)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from orders.models import Customer
from orders.widgets import DateRangeWidget
from shipping.choices import InspectionKind, InspectorParty, Verdict
from shipping.models import InspectionBooking
from suppliers.models import Factory

NOT_INSPECTED = "none"


class InspectionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("P/O or style no."), method="search")
    kind = django_filters.ChoiceFilter(label=_("Inspection"), choices=InspectionKind.choices)
    party = django_filters.ChoiceFilter(label=_("Inspected by"), choices=InspectorParty.choices)
    verdict = django_filters.ChoiceFilter(
        label=_("Verdict"),
        choices=[*Verdict.choices, (NOT_INSPECTED, _("No report yet"))],
        method="filter_verdict",
    )
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), field_name="order__customer", queryset=Customer.objects.all()
    )
    factory = django_filters.ModelChoiceFilter(
        label=_("Factory"), field_name="order__factory", queryset=Factory.objects.all()
    )
    planned_date = django_filters.DateFromToRangeFilter(
        label=_("Inspection date"),
        widget=DateRangeWidget(),
    )

    class Meta:
        model = InspectionBooking
        fields = ["q", "kind", "party", "verdict", "customer", "factory", "planned_date"]

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(order__po_number__icontains=value) | Q(order__style_no__icontains=value)
        )

    def filter_verdict(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == NOT_INSPECTED:
            return queryset.filter(report__isnull=True)
        return queryset.filter(report__verdict=value)
