"""What an order change (R8) touches in samples: a change of the style data re-opens the sample
check, and bulk then waits for a PP sample approved after the change (R4); registered with
orders' change registry in SamplesConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from orders.changes.choices import Aspect, ImpactArea
from orders.changes.registry import Impact, register_change_contributor
from samples import rules
from samples.choices import SampleStatus, SampleType


def samples_impact(context) -> list[Impact]:
    order, diff = context.order, context.diff
    if not diff.touches(Aspect.STYLE):
        return []
    lines = []
    samples = list(order.samples.all())
    if any(
        s.sample_type == SampleType.PRE_PRODUCTION and s.status == SampleStatus.APPROVED
        for s in samples
    ):
        lines.append(
            Impact(
                ImpactArea.SAMPLES,
                _(
                    "The approved PP sample no longer matches the style data: bulk waits for a "
                    "new PP round approved after the change (R4)."
                ),
                _("Merchandiser; factory makes the new round"),
            )
        )
    if rules.approved_master_file(order) is not None:
        lines.append(
            Impact(
                ImpactArea.SAMPLES,
                _("The style's master file no longer covers the order: a PP round is needed."),
                _("Merchandiser"),
            )
        )
    if any(s.status in rules.CHECKABLE_STATUSES for s in samples):
        lines.append(
            Impact(
                ImpactArea.SAMPLES,
                _("Open sample rounds are checked against the new style data (R4)."),
                _("Merchandiser"),
            )
        )
    return lines


def register() -> None:
    register_change_contributor(code="samples", impact=samples_impact, order=40)
