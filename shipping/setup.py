"""What the shipping app plugs into orders/, run once from ShippingConfig.ready()."""

from orders.timeline import register_action_labels
from shipping.change_impact import register as register_change_impact
from shipping.choices import ShippingEvent
from shipping.exports import register_sheets
from shipping.file_sources import register_file_sources, register_status_parts
from shipping.forms_registry import register_forms
from shipping.gates import register_gates
from shipping.kpis import register_kpis
from shipping.listeners import register_listeners
from shipping.reminders import register_reminders
from shipping.repeats import register as register_repeat_copier
from shipping.sections import register_home_panels, register_sections


def ready() -> None:
    register_gates()
    register_kpis()
    register_sections()
    register_home_panels()
    register_listeners()
    register_repeat_copier()
    register_change_impact()
    register_reminders()
    register_forms()
    register_sheets()
    register_file_sources()
    register_status_parts()
    register_action_labels(dict(ShippingEvent.choices))
