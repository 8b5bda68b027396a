from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "orders.intake"
    label = "intake"
    verbose_name = _("Order intake")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from orders.intake.setup import register

        # R13 PMC's delivery-date reply and the customer's written reply, R29 the direct
        # order's ORDER CONFIRMATION and its gate.
        register()
