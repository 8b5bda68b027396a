from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    """R31: the monthly customer statement (對帳單). It lives under shipping/ because it is
    drawn from shipping's settlement (payments, claims and deductions, the commercial
    invoice, shipping.rules.balance), and orders/ imports none of the other apps."""

    name = "shipping.statements"
    label = "statements"
    verbose_name = _("Customer statements")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from shipping.statements.setup import register

        register()  # the form, the reminders, R20's monthly condition
