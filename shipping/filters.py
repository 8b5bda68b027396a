"""Filters of the shipping lists (django-filter)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.choices import Currency
from orders.models import Customer, Order
from orders.widgets import DateRangeWidget
from shipping.choices import AGEING_BUCKETS, InspectionKind, InspectorParty, Verdict
from shipping.collections import NOT_DUE, in_bucket
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


def ageing_choices() -> list[tuple[str, str]]:
    buckets = [
        (label, _("%(bucket)s days") % {"bucket": label}) for label, _l, _h in AGEING_BUCKETS
    ]
    return [(NOT_DUE, _("Not yet due")), *buckets]


class CollectionsFilterSet(django_filters.FilterSet):
    """R21's collections: the owing orders of a customer, in a currency, in an ageing bucket.
    The page sums what is left and the export lists it order by order."""

    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), queryset=Customer.objects.order_by("name")
    )
    currency = django_filters.ChoiceFilter(label=_("Currency"), choices=Currency.choices)
    ageing = django_filters.ChoiceFilter(
        label=_("Ageing"), choices=ageing_choices, method="filter_ageing"
    )

    class Meta:
        model = Order
        fields = ["customer", "currency", "ageing"]

    def filter_ageing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(in_bucket(value, timezone.localdate())) if value else queryset
