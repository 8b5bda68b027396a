from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = _("Orders")

    def ready(self) -> None:
        from orders import (
            gates_builtin,  # noqa: F401  registers the order's own gates
            sections_builtin,  # noqa: F401  lines, review, payment gate
        )
        from orders.outbox import kinds as outbox_kinds
        from orders.outbox import tasks as outbox_tasks  # noqa: F401  dispatch finds it by name

        outbox_kinds.register()  # order notes, documents and digests as outbox e-mails
        from orders.documents import setup as documents_setup
        from orders.files import register_orders_files

        register_orders_files()  # uploads served only through the permission-checked view
        documents_setup.ready()  # the order's own forms, the Documents section, font checks
        from orders.planning import setup as planning_setup

        planning_setup.ready()  # the plan section, reminder sources, timeline labels
        from orders.changes import setup as changes_setup

        changes_setup.ready()  # orders' own part of a change, the change notice, labels
        from orders.feedback import setup as feedback_setup

        feedback_setup.ready()  # R30: the feedback form and the countersignatures section
        from orders.repeats import setup as repeats_setup

        repeats_setup.ready()  # R28: the artwork gate and the repeat section
        from orders.memos import setup as memos_setup

        memos_setup.ready()  # R32: work memos on the order, the home page and the digest
        from orders.kpis import builtin as kpis_builtin

        kpis_builtin.register()  # on-time delivery, date changes by cause
        from orders import checks  # noqa: F401  registers the plan templates' code check
        from orders.role_table import apply_role_table

        post_migrate.connect(apply_role_table, sender=self, dispatch_uid="gendan.role_table")
