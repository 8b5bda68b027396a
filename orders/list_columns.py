"""Columns the order list computes in its query: the next open milestone of each order's plan
and whom the order waits for, so a merchandiser sees both without opening the order."""

from django.db.models import OuterRef, QuerySet, Subquery

from orders.admin.display import annotate_review_state, waiting_for
from orders.choices import Stage
from orders.models import Milestone, Order
from orders.planning.choices import MILESTONE_LABELS
from orders.roles import Role


def annotate_next_milestone(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """The first open milestone in plan order, with its date (projected, else planned) and owner."""
    first_open = Milestone.objects.filter(order=OuterRef("pk"), actual_date__isnull=True).order_by(
        "position", "id"
    )

    def column(name: str) -> Subquery:
        return Subquery(first_open.values(name)[:1])

    return annotate_review_state(
        queryset.annotate(
            next_milestone_code=column("code"),
            next_milestone_name=column("name"),
            next_milestone_planned=column("planned_date"),
            next_milestone_projected=column("projected_date"),
            next_milestone_owner=column("owner_role"),
        )
    )


# Orders that wait for nobody: their open milestones no longer matter.
CLOSED_STAGES = (Stage.SETTLED, Stage.CANCELLED)


def next_milestone_label(order: Order) -> str:
    code = getattr(order, "next_milestone_code", None)
    if not code or order.stage in CLOSED_STAGES:
        return ""
    return str(order.next_milestone_name or MILESTONE_LABELS.get(code, code))


def next_milestone_date(order: Order):
    if order.stage in CLOSED_STAGES:
        return None
    return getattr(order, "next_milestone_projected", None) or getattr(
        order, "next_milestone_planned", None
    )


def waiting_for_whom(order: Order) -> str:
    """In review: the next signature of the chain; otherwise the owner of the next milestone."""
    if order.stage == Stage.IN_REVIEW:
        step = waiting_for(order)
        return str(step) if step else ""
    owner = getattr(order, "next_milestone_owner", None)
    if not owner or order.stage in CLOSED_STAGES:
        return ""
    return str(Role(owner).label)
