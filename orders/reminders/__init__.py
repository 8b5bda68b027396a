"""Daily reminders: sources of items (the plan's milestones here; other apps register theirs),
one digest per person per day, escalation to the person's manager."""
