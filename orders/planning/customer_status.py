"""What the customer sees of its order's production (seed 000 §5.11.3): the order and its lines,
the progress per process step, the plan's milestones with projected dates, and what other apps
add (the inspection results), both in the progress report PDF (F-PROG-001) and on the signed,
expiring status page the customer opens without an account.

Other apps add parts in their AppConfig.ready():

    register_status_part(code="inspections", template="shipping/status_inspections.html",
                         context=lambda order: {...}, order=50)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from orders.models import Milestone, Order, OrderPlan, ProcessStep, ProgressReport
from orders.planning.selectors import milestone_state, progress_sheet

SALT = "orders.planning.customer-status"


@dataclass(frozen=True)
class StatusPart:
    code: str
    template: str  # rendered with `part` = context(order)
    context: Callable[[Order], dict]
    order: int = 100


_parts: dict[str, StatusPart] = {}


def register_status_part(
    *, code: str, template: str, context: Callable, order: int = 100
) -> StatusPart:
    part = StatusPart(code, template, context, order)
    _parts[code] = part
    return part


def customer_status(order: Order) -> dict:
    """Everything the report and the status page show; a fixed number of queries."""
    today = timezone.localdate()
    steps = list(ProcessStep.objects.filter(active=True))
    reports = list(ProgressReport.objects.filter(order=order).select_related("step"))
    milestones = [
        {"milestone": milestone, "state": milestone_state(milestone, today)}
        for milestone in Milestone.objects.filter(order=order).order_by("position", "id")
    ]
    parts = sorted(_parts.values(), key=lambda part: (part.order, part.code))
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "today": today,
        "progress": progress_sheet(order, reports, steps, today),
        "milestones": milestones,
        "plan": OrderPlan.objects.filter(order=order).first(),
        "parts": [{"template": part.template, "part": part.context(order)} for part in parts],
    }


# ---- the signed, expiring status link -------------------------------------------------------


class LinkInvalid(Exception):
    pass


class LinkExpired(Exception):
    def __init__(self, order_id: int | None = None):
        super().__init__(order_id)
        self.order_id = order_id


def max_age_seconds() -> int:
    return int(settings.GENDAN_STATUS_LINK_DAYS) * 24 * 3600


def make_token(order: Order) -> str:
    # The P/O binds the token to this very order, should ids ever be reused.
    return signing.dumps({"o": order.pk, "p": order.po_number}, salt=SALT, compress=True)


def _order_id(data) -> int:
    if not isinstance(data, dict) or not isinstance(data.get("o"), int):
        raise LinkInvalid
    return data["o"]


def read_token(token: str) -> tuple[int, str]:
    """(order id, P/O number); raises LinkExpired or LinkInvalid."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.SignatureExpired as exc:
        raise LinkExpired(_order_id(signing.loads(token, salt=SALT))) from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    return _order_id(data), str(data.get("p", ""))


def status_url(order: Order) -> str:
    return settings.SITE_URL + reverse("documents:customer_status", args=[make_token(order)])
