from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from orders.lifecycle import Lifecycle, on_order
from suppliers.choices import PROCUREMENT_STEPS, ProcurementStatus
from suppliers.permissions import can_manage_materials

# Days between a material's arrival and the ex-factory date that production needs, unless
# the material says when it is needed; settings.GENDAN_MATERIAL_LEAD_DAYS overrides it.
DEFAULT_LEAD_DAYS = 21


def lead_days() -> int:
    return int(getattr(settings, "GENDAN_MATERIAL_LEAD_DAYS", DEFAULT_LEAD_DAYS))


def steps_up_to(status: str) -> list[str]:
    """A material walks forward (a step may be skipped, or recorded again), never back."""
    return PROCUREMENT_STEPS[: PROCUREMENT_STEPS.index(status) + 1]


class Procurement(Lifecycle, models.Model):
    """Ordered, confirmed, in-house: each with its date, plus the expected arrival."""

    procurement_status = FSMField(
        _("procurement"),
        max_length=12,
        choices=ProcurementStatus.choices,
        default=ProcurementStatus.NOT_ORDERED,
        protected=True,
    )
    needed_by = models.DateField(
        _("needed by"),
        null=True,
        blank=True,
        help_text=_("When production needs it; empty: the ex-factory date minus the lead time."),
    )
    expected_on = models.DateField(_("expected in-house"), null=True, blank=True)
    ordered_on = models.DateField(_("ordered on"), null=True, blank=True)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    in_house_on = models.DateField(_("in-house on"), null=True, blank=True)

    class Meta:
        abstract = True

    # ---- the lifecycle: not ordered -> ordered -> confirmed -> in-house, each with its date ---
    # (by name: each material's own copy of the field carries the transitions)
    @transition(
        field="procurement_status",
        source=steps_up_to(ProcurementStatus.ORDERED),
        target=ProcurementStatus.ORDERED,
        permission=on_order(can_manage_materials),
    )
    def mark_ordered(self, *, on: date) -> None:
        self.ordered_on = on

    @transition(
        field="procurement_status",
        source=steps_up_to(ProcurementStatus.CONFIRMED),
        target=ProcurementStatus.CONFIRMED,
        permission=on_order(can_manage_materials),
    )
    def mark_confirmed(self, *, on: date) -> None:
        self.confirmed_on = on

    @transition(
        field="procurement_status",
        source=steps_up_to(ProcurementStatus.IN_HOUSE),
        target=ProcurementStatus.IN_HOUSE,
        permission=on_order(can_manage_materials),
    )
    def mark_in_house(self, *, on: date) -> None:
        self.in_house_on = on

    @property
    def need_date(self) -> date:
        if self.needed_by:
            return self.needed_by
        return self.order.ex_factory_date - timedelta(days=lead_days())

    @property
    def is_in_house(self) -> bool:
        return self.procurement_status == ProcurementStatus.IN_HOUSE

    @property
    def is_short(self) -> bool:
        """The shortage flag: not in yet, and expected after production needs it."""
        if self.is_in_house:
            return False

        # Without an expected date, it is short once the need date has passed.
        earliest = self.expected_on or timezone.localdate()
        return earliest > self.need_date
