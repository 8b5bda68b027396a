"""Everything the orders app plugs into its own registries, run once from OrdersConfig.ready():
the order's gates and sections, the outbox's e-mails and task, the files served through the
permission-checked view, and each concept's own wiring (documents, plan, changes, R28, R30, R32,
KPIs), then the role table after every migrate."""

from django.db.models.signals import post_migrate

from orders import (
    checks,  # noqa: F401  registers the plan templates' code check
    gates_builtin,  # noqa: F401  registers the order's own gates
    sections_builtin,  # noqa: F401  lines, review, payment gate
)
from orders.changes import setup as changes_setup
from orders.documents import setup as documents_setup
from orders.feedback import setup as feedback_setup
from orders.files import register_orders_files
from orders.importing import tasks as import_tasks  # noqa: F401  enqueue finds them by name
from orders.kpis import builtin as kpis_builtin
from orders.memos import setup as memos_setup
from orders.outbox import kinds as outbox_kinds
from orders.outbox import tasks as outbox_tasks  # noqa: F401  dispatch finds it by name
from orders.planning import setup as planning_setup
from orders.repeats import setup as repeats_setup
from orders.role_table import apply_role_table


def ready(config) -> None:
    outbox_kinds.register()  # order notes, documents and digests as outbox e-mails
    register_orders_files()  # uploads served only through the permission-checked view
    documents_setup.ready()  # the order's own forms, the Documents section, font checks
    planning_setup.ready()  # the plan section, reminder sources, timeline labels
    changes_setup.ready()  # orders' own part of a change, the change notice, labels
    feedback_setup.ready()  # R30: the feedback form and the countersignatures section
    repeats_setup.ready()  # R28: the artwork gate and the repeat section
    memos_setup.ready()  # R32: work memos on the order, the home page and the digest
    kpis_builtin.register()  # on-time delivery, date changes by cause
    post_migrate.connect(apply_role_table, sender=config, dispatch_uid="gendan.role_table")
