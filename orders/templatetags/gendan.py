"""Labels and colours for templates, read from orders.choices so no template spells them."""

from django import template

from orders.choices import (
    STAGE_COLOURS,
    TRANSITION_LABELS,
    ApprovalStep,
    Clearance,
    EventKind,
    Stage,
)
from orders.documents.choices import DocumentAction

register = template.Library()


@register.filter
def stage_label(stage: str):
    return Stage(stage).label if stage in Stage.values else stage


@register.filter
def stage_colour(stage: str) -> str:
    return STAGE_COLOURS.get(stage, "grey")


@register.filter
def transition_label(name: str):
    return TRANSITION_LABELS.get(name, name)


@register.filter
def event_action_label(event) -> str:
    """What the event's `action` code means for its kind: a transition, a signature or a
    payment clearance."""
    action = event.action
    if not action:
        return ""
    if event.kind == EventKind.TRANSITION:
        return TRANSITION_LABELS.get(action, action)
    if event.kind == EventKind.DOCUMENT and action in DocumentAction.values:
        return DocumentAction(action).label
    if action in ApprovalStep.values:
        return ApprovalStep(action).label
    if action in Clearance.values:
        return Clearance(action).label
    return action


@register.filter
def size_breakdown(sizes: dict | None) -> str:
    if not sizes:
        return ""
    return ", ".join(f"{size}:{quantity}" for size, quantity in sizes.items())
