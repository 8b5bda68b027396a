"""R33 commodity inspection (商檢): an order for a product under statutory inspection gets the
inspection and customs bookings in its time-and-action plan, whatever template it follows, and
the export tracking sheet reads their state from those milestones."""

import copy

from django.utils.translation import gettext_lazy as _

from orders.models import MilestoneTemplate
from orders.planning.choices import (
    MILESTONE_LABELS,
    Anchor,
    CommodityInspectionEvent,
    OffsetUnit,
)
from orders.roles import Role

INSPECTION_BOOKED = "commodity_inspection_booked"
INSPECTION_PASSED = "commodity_inspection_passed"
CUSTOMS_BOOKED = "customs_booked"

# (code, working days before the ex-factory date, the recorded action that completes it): the
# inspection bureau and the customs broker are booked ahead (seed 001), the inspection passes
# before the goods leave the factory.
R33_STEPS = (
    (INSPECTION_BOOKED, -10, CommodityInspectionEvent.INSPECTION_BOOKED),
    (INSPECTION_PASSED, -3, CommodityInspectionEvent.INSPECTION_PASSED),
    (CUSTOMS_BOOKED, -2, CommodityInspectionEvent.CUSTOMS_BOOKED),
)

R33_LABELS = {code: MILESTONE_LABELS[code] for code, _offset, _action in R33_STEPS}
R33_COMPLETED_BY = {code: str(action.value) for code, _offset, action in R33_STEPS}


def r33_commodity_inspection_steps(order, template_steps: list) -> list:
    """The template's steps, plus the R33 bookings the template lacks when the order is under
    statutory inspection (unsaved MilestoneTemplate rows, placed after the template's own)."""

    steps = list(template_steps)
    if not order.commodity_inspection:
        return steps
    steps = [_completed_by_its_record(step) for step in steps]
    have = {step.code for step in steps}
    position = max((step.position for step in steps), default=0)
    for offset_index, (code, offset, action) in enumerate(R33_STEPS, start=1):
        if code in have:
            continue
        steps.append(
            MilestoneTemplate(
                code=code,
                anchor=Anchor.EX_FACTORY,
                offset=offset,
                unit=OffsetUnit.WORKING_DAYS,
                owner_role=Role.MERCHANDISER,
                completed_by=str(action.value),
                critical=False,
                position=position + offset_index,
            )
        )
    return steps


def _completed_by_its_record(step):
    """A template's own R33 step completes from the recorded action too (a copy: the template's
    rows are shared by the orders built together)."""
    action = R33_COMPLETED_BY.get(step.code)
    if action is None or action in step.completed_by.replace(",", " ").split():
        return step
    step = copy.copy(step)
    step.completed_by = f"{step.completed_by} {action}".strip()
    return step


def r33_commodity_inspection_status(order) -> str:
    """The export tracking sheet's cell: not required, or each booking done or due (reads the
    order's prefetched milestones)."""
    if not order.commodity_inspection:
        return str(_("Not required"))
    milestones = {m.code: m for m in order.milestones.all() if m.code in R33_LABELS}
    parts = []
    for code, _offset, _action in R33_STEPS:
        milestone = milestones.get(code)
        label = R33_LABELS[code]
        if milestone is None:
            parts.append(str(_("%(step)s: not planned") % {"step": label}))
        elif milestone.actual_date:
            parts.append(
                str(_("%(step)s: done %(date)s") % {"step": label, "date": milestone.actual_date})
            )
        else:
            parts.append(
                str(_("%(step)s: due %(date)s") % {"step": label, "date": milestone.planned_date})
            )
    return "; ".join(parts)
