from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints and returns")

    def ready(self) -> None:
        from complaints.kpis import register_kpis

        register_kpis()
        from complaints.choices import ComplaintEvent
        from complaints.exports import register_sheets
        from complaints.file_sources import register_file_sources
        from complaints.forms_registry import register_forms
        from complaints.sections import register_home_panels, register_sections
        from orders.timeline import register_action_labels

        register_sections()
        register_home_panels()
        register_forms()
        register_sheets()
        register_file_sources()
        register_action_labels(dict(ComplaintEvent.choices))
