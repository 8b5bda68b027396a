"""What the samples app plugs into orders/, run once from SamplesConfig.ready()."""

from orders.timeline import register_action_labels
from samples.change_impact import register as register_change_impact
from samples.choices import SampleEvent
from samples.file_sources import register_file_sources
from samples.forms_registry import register_forms
from samples.gates import register_gates
from samples.kpis import register_kpis
from samples.sections import register_sections


def ready() -> None:
    register_kpis()
    register_gates()
    register_sections()
    register_forms()
    register_file_sources()
    register_change_impact()
    register_action_labels(dict(SampleEvent.choices))
