"""What the complaints app plugs into orders/, run once from ComplaintsConfig.ready()."""

from complaints.choices import ComplaintEvent
from complaints.exports import register_sheets
from complaints.file_sources import register_file_sources
from complaints.forms_registry import register_forms
from complaints.kpis import register_kpis
from complaints.sections import register_home_panels, register_sections
from orders.timeline import register_action_labels


def ready() -> None:
    register_kpis()
    register_sections()
    register_home_panels()
    register_forms()
    register_sheets()
    register_file_sources()
    register_action_labels(dict(ComplaintEvent.choices))
