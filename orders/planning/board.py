"""The plan board: the open orders a user follows as rows, their plans' milestones as columns,
each cell the milestone's date coloured by its state (late cells red) — the critical-path view
apparel planners keep in a spreadsheet."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from orders.choices import NOT_YET_SHIPPED_STAGES
from orders.exports.lists import PlanTable
from orders.filters import OrderFilterSet
from orders.models import Milestone, Order
from orders.planning.choices import MILESTONE_LABELS, MILESTONE_STATE_COLOURS, MilestoneState
from orders.planning.selectors import milestone_state
from orders.roles import Role
from orders.templatetags.gendan import person


class WeekField(forms.CharField):
    """An ISO week as the browser's week picker writes it (2026-W48), cleaned to its Monday."""

    widget = forms.TextInput(attrs={"type": "week"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.strptime(f"{value}-1", "%G-W%V-%u").date()
        except ValueError as error:
            raise ValidationError(_("Enter a week like 2026-W48."), code="invalid") from error


class WeekFilter(django_filters.Filter):
    field_class = WeekField


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return person(obj)


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


def merchandisers(request=None) -> QuerySet:
    return get_user_model().objects.filter(groups__name=Role.MERCHANDISER).order_by("username")


class PlanBoardFilterSet(OrderFilterSet):
    merchandiser = PersonFilter(label=_("Merchandiser"), queryset=merchandisers)
    week = WeekFilter(label=_("Milestones due in week"), method="filter_week")

    class Meta(OrderFilterSet.Meta):
        fields = ["q", "stage", "customer", "factory", "merchandiser", "week", "late"]

    def filter_week(self, queryset: QuerySet[Order], name: str, monday: date) -> QuerySet[Order]:
        """Orders with an open milestone planned or projected in the week."""
        if monday is None:
            return queryset
        sunday = monday + timedelta(days=6)
        due = Milestone.objects.filter(actual_date__isnull=True).filter(
            Q(planned_date__range=(monday, sunday)) | Q(projected_date__range=(monday, sunday))
        )
        return queryset.filter(pk__in=due.values("order_id"))


@dataclass(frozen=True)
class BoardCell:
    milestone: Milestone | None
    state: str = ""

    @property
    def colour(self) -> str:
        return MILESTONE_STATE_COLOURS.get(self.state, "")

    @property
    def state_label(self):
        return MilestoneState(self.state).label if self.state else ""

    @property
    def slipping(self) -> bool:
        """Not done, and projected past its planned date."""
        m = self.milestone
        return bool(
            m and not m.actual_date and m.projected_date and m.planned_date
            and m.projected_date > m.planned_date
        )  # fmt: skip


@dataclass(frozen=True)
class BoardRow:
    order: Order
    cells: list[BoardCell]


class PlanBoardTable(PlanTable):
    """The board's rows are the open orders (not shipped yet); its export is the plans' sheet."""

    title = _("Plan board")
    filterset_class = PlanBoardFilterSet
    paginate_by = 50

    def queryset(self):
        return super().queryset().filter(stage__in=NOT_YET_SHIPPED_STAGES)

    def board(self, orders: list[Order], today: date) -> list[BoardRow]:
        """The page's rows; its columns are the milestones of the orders on the page (in plan
        order), read with them: not the distinct milestones of every open order, which the
        export's sheet still lists."""
        found: dict[int, dict[str, Milestone]] = {order.pk: {} for order in orders}
        first: dict[str, tuple[int, str]] = {}
        for milestone in Milestone.objects.filter(order__in=list(found)):
            found[milestone.order_id][milestone.code] = milestone
            position, name = first.get(milestone.code, (milestone.position, milestone.name))
            first[milestone.code] = (min(position, milestone.position), min(name, milestone.name))
        # PlanTable.milestones' (code, label) pairs, from this page's milestones.
        self.__dict__["milestones"] = [
            (code, name or MILESTONE_LABELS.get(code, code))
            for code, (position, name) in sorted(first.items(), key=lambda c: (c[1][0], c[0]))
        ]
        rows = []
        for order in orders:
            cells = []
            for code, _label in self.milestones:
                milestone = found[order.pk].get(code)
                state = milestone_state(milestone, today) if milestone else ""
                cells.append(BoardCell(milestone, state))
            rows.append(BoardRow(order, cells))
        return rows
