from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliersConfig(AppConfig):
    name = "suppliers"
    verbose_name = _("Suppliers")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from suppliers import setup

        setup.ready()
