"""Columns the order list computes in its query: the next open milestone of each order's plan
and whom the order waits for, so a merchandiser sees both without opening the order."""

from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import JSONObject

from orders.admin.display import annotate_review_state, waiting_for
from orders.choices import Stage
from orders.models import Milestone, Order
from orders.planning.choices import MILESTONE_LABELS
from orders.roles import Role


def annotate_next_milestone(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """The first open milestone in plan order, with its date (projected, else planned) and owner:
    one subquery giving its fields as an object (five columns were five subqueries, each planned
    and run per row); its planned date stays an alias for `?sort=`."""
    first_open = Milestone.objects.filter(order=OuterRef("pk"), actual_date__isnull=True).order_by(
        "position", "id"
    )
    fields = JSONObject(
        code="code",
        name="name",
        planned="planned_date",
        projected="projected_date",
        owner="owner_role",
    )
    return annotate_review_state(
        queryset.annotate(
            next_milestone_fields=Subquery(first_open.values(fields=fields)[:1])
        ).alias(next_milestone_planned=Subquery(first_open.values("planned_date")[:1]))
    )


def _next_milestone(order: Order) -> dict:
    return getattr(order, "next_milestone_fields", None) or {}


def _day(text: str | None) -> date | None:
    # JSON holds the dates as ISO text (PostgreSQL's and SQLite's alike).
    return date.fromisoformat(text[:10]) if text else None


# Orders that wait for nobody: their open milestones no longer matter.
CLOSED_STAGES = (Stage.SETTLED, Stage.CANCELLED)


def next_milestone_label(order: Order) -> str:
    milestone = _next_milestone(order)
    code = milestone.get("code")
    if not code or order.stage in CLOSED_STAGES:
        return ""
    return str(milestone.get("name") or MILESTONE_LABELS.get(code, code))


def next_milestone_date(order: Order):
    if order.stage in CLOSED_STAGES:
        return None
    milestone = _next_milestone(order)
    return _day(milestone.get("projected")) or _day(milestone.get("planned"))


def waiting_for_whom(order: Order) -> str:
    """In review: the next signature of the chain; otherwise the owner of the next milestone."""
    if order.stage == Stage.IN_REVIEW:
        step = waiting_for(order)
        return str(step) if step else ""
    owner = _next_milestone(order).get("owner")
    if not owner or order.stage in CLOSED_STAGES:
        return ""
    return str(Role(owner).label)
