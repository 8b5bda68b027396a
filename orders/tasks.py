"""Every task of the orders app, imported here so that the worker registers them."""

from orders.importing.tasks import check_import, run_import  # noqa: F401
from orders.outbox.tasks import deliver_outbox, outbox_sweep  # noqa: F401
from orders.tasks_housekeeping import purge_form_tokens  # noqa: F401
from orders.tasks_reminders import daily_reminders  # noqa: F401
