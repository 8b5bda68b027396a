from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    name = "orders.credit"
    label = "credit"
    verbose_name = _("Credit control")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from orders.credit.setup import register

        register()  # the R20 gate on approval, the order page's credit section, timeline labels
