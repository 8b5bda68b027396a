"""Reads: each selector does its own joins, so a page's query count does not grow with its rows."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from orders.permissions import team_id_of
from orders.quotations import permissions, rules
from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation, QuotationPolicy
from orders.roles import Role, has_role


def visible_quotations(user) -> QuerySet[Quotation]:
    queryset = Quotation.objects.all()
    if permissions.sees_all_quotations(user):
        return queryset
    if not has_role(user, Role.MERCHANDISER):
        return queryset.none()
    team_id = team_id_of(user)
    mine = Q(merchandiser=user)
    if team_id is not None:
        mine |= Q(team_id=team_id)
    return queryset.filter(mine)


def quotation_list(user) -> QuerySet[Quotation]:
    return (
        visible_quotations(user)
        .select_related("customer", "merchandiser", "order")
        .prefetch_related("costing_lines", "price_breaks")
        .order_by("-created_at", "-id")
    )


def quotation_detail(user, pk: int) -> Quotation:
    """The quotation with everything its page shows; Http404 unless this user sees it."""
    return get_object_or_404(
        visible_quotations(user)
        .select_related(
            "customer", "merchandiser", "team", "submitted_by", "approved_by", "order", "previous"
        )
        .prefetch_related("costing_lines", "price_breaks", "events__actor"),
        pk=pk,
    )


def waiting_for_approval(user) -> list[Quotation]:
    """Quotations this user may approve now (special prices only for the GM and the deputy)."""
    if not has_role(user, *permissions.APPROVER_ROLES):
        return []
    waiting = (
        visible_quotations(user)
        .filter(status=QuotationStatus.IN_APPROVAL)
        .exclude(submitted_by=user)
        .select_related("customer", "merchandiser")
        .prefetch_related("costing_lines", "price_breaks")
        .order_by("submitted_at", "id")
    )
    waiting = list(waiting)
    # R18's special price of each, from one read of the policy and of the last prices (the
    # permission and the page read them from the quotation).
    threshold = QuotationPolicy.current().special_price_margin_percent
    last_prices = rules.r18_customer_last_prices(
        Quotation.objects.filter(pk__in=[quotation.pk for quotation in waiting])
    )
    for quotation in waiting:
        quotation.remember_special_price_reasons(
            rules.r18_special_price_reasons(
                quotation, threshold=threshold, last=last_prices.get(quotation.pk)
            )
        )
    return [quotation for quotation in waiting if permissions.can_approve(quotation, user)]
