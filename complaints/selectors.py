"""Reads: each selector does its own joins, so a page's query count does not grow with its rows."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from complaints.choices import OPEN_COMPLAINT_STATUSES
from complaints.models import Complaint, ReturnApplication, ReturnSignOff
from orders.visibility import visible, visible_orders


def visible_complaints(user) -> QuerySet[Complaint]:
    return Complaint.objects.filter(order__in=visible_orders(user))


def open_complaints(user, *, factory_id: int | None = None) -> QuerySet[Complaint]:
    """Open complaints the user may see, oldest first (the age is what matters)."""
    queryset = visible_complaints(user).filter(status__in=OPEN_COMPLAINT_STATUSES)
    if factory_id is not None:
        queryset = queryset.filter(order__factory_id=factory_id)
    return queryset.select_related(
        "order__customer", "order__factory", "order__merchandiser"
    ).order_by("received_on", "id")


def complaint_list(user) -> QuerySet[Complaint]:
    """Every complaint the user may see, newest first, for the list and its export."""
    return (
        visible_complaints(user)
        .select_related("order__customer", "order__factory", "order__merchandiser", "factory_claim")
        .order_by("-received_on", "-id")
    )


def return_list(user) -> QuerySet[ReturnApplication]:
    return (
        ReturnApplication.objects.filter(order__in=visible_orders(user))
        .select_related("order__customer", "order__factory", "complaint")
        .prefetch_related("lines")
        .order_by("-applied_on", "-id")
    )


@dataclass(frozen=True)
class AgeSummary:
    count: int
    oldest_days: int
    average_days: int


def age_summary(complaints) -> AgeSummary:
    today = timezone.localdate()
    ages = [complaint.age_days(today) for complaint in complaints]
    if not ages:
        return AgeSummary(0, 0, 0)
    return AgeSummary(len(ages), max(ages), round(sum(ages) / len(ages)))


def complaint_detail(user, pk: int) -> Complaint:
    """The complaint with everything its page shows; Http404 unless this user sees it."""
    return visible(
        Complaint.objects.select_related(
            "order__customer",
            "order__factory",
            "order__merchandiser",
            "shipment",
            "inspection__booking",
            "approved_by",
            "analysed_by",
            "replied_by",
            "factory_claim__deduction",
        ).prefetch_related("attachments", "returns"),
        user,
        pk,
    )


def return_detail(user, pk: int) -> ReturnApplication:
    """The return with everything its page shows; Http404 unless this user sees it."""
    return visible(
        ReturnApplication.objects.select_related(
            "order__customer", "order__factory", "complaint", "decided_by", "received_by"
        ).prefetch_related(
            "lines",
            Prefetch("sign_offs", queryset=ReturnSignOff.objects.select_related("signed_by")),
            "unannounced_arrivals__decided_by",
        ),
        user,
        pk,
    )


def order_after_sales(order) -> dict:
    """The complaints, returns and unannounced arrivals of one order, for its page."""
    return {
        "complaints": list(
            order.complaints.select_related("factory_claim").order_by("-received_on", "-id")
        ),
        "returns": list(
            order.returns.select_related("complaint").prefetch_related("lines", "sign_offs")
        ),
        "arrivals": list(order.unannounced_returns.select_related("decided_by")),
    }
