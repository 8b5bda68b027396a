"""System checks on data that code alone cannot vouch for."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from orders.models import MilestoneTemplate
from orders.timeline import unknown_actions


@register(Tags.database)
def milestone_event_codes(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    """Plan templates whose milestones wait for an event code nothing records (`manage.py check
    --database default`, and every migrate): such a milestone would never complete."""
    if not databases:
        return []
    warnings = []
    try:
        rows = list(MilestoneTemplate.objects.select_related("template"))
    except DatabaseError:
        return []  # before the plan tables exist
    for row in rows:
        unknown = unknown_actions([*row.action_codes, *filter(None, [row.anchor_action])])
        if unknown:
            warnings.append(
                Warning(
                    f"{row.template} / {row.code}: no event is recorded under "
                    f"{', '.join(unknown)}; the milestone would never complete.",
                    hint="Correct the codes in the admin's plan templates.",
                    obj=row,
                    id="orders.W001",
                )
            )
    return warnings
