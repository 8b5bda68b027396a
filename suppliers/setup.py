"""What the suppliers app plugs into orders/, run once from SuppliersConfig.ready()."""

from orders.files import register_protected_file
from orders.timeline import register_action_labels
from suppliers import change_impact, documents, gates, repeats, sections, tasks
from suppliers.choices import SupplierEvent
from suppliers.models import Trim


def ready() -> None:
    gates.register()
    sections.register()
    documents.register()
    repeats.register()
    change_impact.register()
    tasks.register()  # the notices' e-mails
    register_action_labels(dict(SupplierEvent.choices))
    register_protected_file(Trim, "picture", order_of=lambda trim: trim.order)
