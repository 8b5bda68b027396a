from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamplesConfig(AppConfig):
    name = "samples"
    verbose_name = _("Samples")

    def ready(self) -> None:
        # Local: the wiring imports the models, which are loaded only once ready() runs.
        from samples import setup

        setup.ready()
