from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliersConfig(AppConfig):
    name = "suppliers"
    verbose_name = _("Suppliers")

    def ready(self) -> None:
        from orders.timeline import register_action_labels
        from suppliers import change_impact, documents, gates, repeats, sections, tasks
        from suppliers.choices import SupplierEvent

        gates.register()
        sections.register()
        documents.register()
        repeats.register()
        change_impact.register()
        tasks.register()  # the notices' e-mails
        register_action_labels(dict(SupplierEvent.choices))
        from orders.files import register_protected_file
        from suppliers.models import Trim

        register_protected_file(Trim, "picture", order_of=lambda trim: trim.order)
