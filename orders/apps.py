from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = _("Orders")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from orders import setup

        setup.ready(self)
