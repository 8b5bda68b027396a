from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints and returns")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from complaints import setup

        setup.ready()
