from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShippingConfig(AppConfig):
    name = "shipping"
    verbose_name = _("Shipping")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from shipping import setup

        setup.ready()
