"""Labels and colours for templates, read from orders.choices so no template spells them."""

from django import template

from orders.choices import STAGE_COLOURS, TRANSITION_LABELS, Stage
from orders.sizes import format_breakdown
from orders.timeline import action_label

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
def event_action_label(event):
    return action_label(event.action, event.kind)


@register.filter
def size_breakdown(sizes: dict | None) -> str:
    return format_breakdown(sizes)
