from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamplesConfig(AppConfig):
    name = "samples"
    verbose_name = _("Samples")

    def ready(self) -> None:
        from samples.forms_registry import register_forms
        from samples.gates import register_gates
        from samples.sections import register_sections

        register_gates()
        register_sections()
        register_forms()
