"""The samples app's gate on the order: bulk waits for an approved pre-production sample."""

from django.utils.translation import gettext_lazy as _

from orders.gates import register_gate
from samples import rules


def register_gates() -> None:
    register_gate(
        transition="start_production",
        code="pp_sample",
        label=_(
            "Pre-production sample approved (R4); a repeat style with an approved master "
            "file is exempt"
        ),
        cleared_by=_("Merchandiser, with the customer's or our approval"),
        check=rules.pp_sample_approved,
        applies=rules.pp_sample_gate_applies,
    )
