"""R30 reads: the orders of a month and which of their papers the customer countersigned."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from orders.choices import Stage
from orders.feedback.rules import R30_FORM_CODES, PaperState, r30_paper_states
from orders.models import CustomerFeedback, Order, OrderEvent, SentDocument


def month_bounds(month: date) -> tuple[datetime, datetime]:
    first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(following, time.min, tzinfo=zone),
    )


def parse_month(value: str | None) -> date:
    """'2026-11' → 1 November 2026; anything else → this month."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@dataclass
class MonthRow:
    order: Order
    papers: list[PaperState]
    feedback: CustomerFeedback | None

    @property
    def complete(self) -> bool:
        return all(state.countersigned for state in self.papers)


def orders_of_the_month(orders, month: date):
    """The orders that shipped in the month (their stage moved to shipping), or whose R30
    papers went to the customer in it."""
    start, end = month_bounds(month)
    shipped = OrderEvent.objects.filter(to_stage=Stage.SHIPPING, at__gte=start, at__lt=end).values(
        "order_id"
    )
    papers = SentDocument.objects.filter(
        form_code__in=R30_FORM_CODES, queued_at__gte=start, queued_at__lt=end
    ).values("order_id")
    return orders.filter(Q(pk__in=shipped) | Q(pk__in=papers))


def month_rows(orders, month: date) -> list[MonthRow]:
    """One row per order of the month with its three papers; a fixed number of queries."""
    orders = list(
        orders_of_the_month(orders, month)
        .select_related("customer", "merchandiser")
        .order_by("customer__name", "po_number")
    )
    documents = defaultdict(list)
    for document in SentDocument.objects.filter(
        order__in=orders, form_code__in=R30_FORM_CODES
    ).only(
        "order_id",
        "form_code",
        "content_type_id",
        "object_id",
        "version",
        "outbox__state",
        "confirmed_at",
        "confirmed_by_name",
    ):
        documents[document.order_id].append(document)
    feedback = {f.order_id: f for f in CustomerFeedback.objects.filter(order__in=orders)}
    return [
        MonthRow(order, r30_paper_states(documents[order.pk]), feedback.get(order.pk))
        for order in orders
    ]
