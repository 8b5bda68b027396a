"""Labels and colours for templates, read from orders.choices so no template spells them."""

import re
import uuid
from decimal import Decimal

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from orders.choices import STAGE_COLOURS, TRANSITION_LABELS, ApprovalStep, Stage
from orders.permissions import can_enter_orders
from orders.roles import SEES_ALL_ORDERS, has_role
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
def approval_step_label(step: str):
    return ApprovalStep(step).label if step in ApprovalStep.values else step


@register.filter
def size_breakdown(sizes: dict | None) -> str:
    return format_breakdown(sizes)


@register.filter
def amount(value) -> str:
    """A sum of money without its currency, grouped like Money: 153,939.00."""
    if value in (None, ""):
        return ""
    return f"{Decimal(value).quantize(Decimal('0.01')):,}"


@register.filter
def may_enter_orders(user) -> bool:
    return can_enter_orders(user)


@register.filter
def sees_all_orders(user) -> bool:
    return has_role(user, *SEES_ALL_ORDERS)


@register.simple_tag
def form_token() -> str:
    """The one-time token of a form written by hand (orders.services.submissions)."""
    return format_html('<input type="hidden" name="form_token" value="{}">', uuid.uuid4())


@register.filter
def person(user) -> str:
    """People by their name, as colleagues know them; the login name only when none is set."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def percent(value) -> str:
    """A share (0.125) as a percentage (12.5 %)."""
    if value in (None, ""):
        return ""
    return f"{100 * float(value):.1f} %"


@register.simple_tag
def rules(*codes: str) -> str:
    """The business rules a block follows (DOMAIN.md's R1–R34), as help text under its heading
    rather than in the heading itself."""
    return format_html(
        '<p class="rule-help">{}</p>',
        _("Business rules: %(rules)s") % {"rules": ", ".join(codes)},
    )


@register.filter
def rule_help(label) -> str:
    """The rule codes a label carries ("(R1)", "（R25、R26）") as the help text under its
    heading, where rules() puts them; nothing when it carries none."""
    codes = re.findall(r"R\d+", " ".join(re.findall(r"[(（]([^)）]*)[)）]", str(label))))
    return rules(*codes) if codes else ""


@register.filter
def without_rule_code(label) -> str:
    """A label as a customer reads it: our rule references, like "(R13)", left out."""
    return re.sub(r"\s*[(（]R\d+(?:[、,，]\s*R\d+)*[)）]", "", str(label))


@register.filter
def in_row(field, row: int):
    """A formset field in a table cell, named for screen readers by its column and row
    ("Colour, line 2"): the column heading alone is no label for the input under it. Its help
    text (hidden: the cell has no room) and errors follow under the ids Django's
    aria-describedby on the input names."""
    name = _("%(label)s, line %(row)s") % {"label": field.label, "row": row}
    widget = field.as_widget(attrs={"aria-label": name})
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<span class="visually-hidden" id="{}_helptext">{}</span>',
            field.auto_id,
            field.help_text,
        )
    errors = render_to_string("includes/field_errors.html", {"field": field})
    return format_html("{}{}{}", widget, help_text, errors)  # errors: our template, already safe
