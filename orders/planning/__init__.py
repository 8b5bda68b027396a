"""The order's own planning: the time-and-action plan, production progress, delivery-date
changes. Pure scheduling lives in scheduling.py; writes in orders.services.planning/progress/
date_changes; reminders in orders.reminders."""
