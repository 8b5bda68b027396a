from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotationsConfig(AppConfig):
    name = "orders.quotations"
    label = "quotations"
    verbose_name = _("Quotations and costing")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from orders.quotations import setup

        setup.ready()
