from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamplesConfig(AppConfig):
    name = "samples"
    verbose_name = _("Samples")

    def ready(self) -> None:
        from samples.forms_registry import register_forms

        register_forms()
