"""Complaints' KPIs: open complaints by age."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints.choices import OPEN_COMPLAINT_STATUSES
from complaints.models import Complaint
from orders.exports.tables import Column, Kind
from orders.kpis import Kpi, KpiTable, ScorecardFigure, register_kpi

# Days since the complaint came in.
AGE_BANDS = ((0, 7), (8, 30), (31, 90), (91, None))


def band_label(low: int, high: int | None) -> str:
    if high is None:
        return str(_("%(low)s+ days") % {"low": low})
    return str(_("%(low)s–%(high)s days") % {"low": low, "high": high})


def open_complaints_by_age(since: date | None = None) -> KpiTable:
    """The complaints open today, however old: the period does not apply (`since` unused)."""
    today = timezone.localdate()
    ages = [
        (today - received).days
        for received in Complaint.objects.filter(status__in=OPEN_COMPLAINT_STATUSES).values_list(
            "received_on", flat=True
        )
    ]
    rows = [
        [band_label(low, high), sum(low <= age and (high is None or age <= high) for age in ages)]
        for low, high in AGE_BANDS
    ]
    return KpiTable(
        columns=[Column(_("Age"), width=14), Column(_("Open complaints"), Kind.INTEGER)],
        rows=rows,
        chart_column=1,
    )


def complaints_scorecard(factory, since: date | None = None) -> list[ScorecardFigure]:
    """Open today, whatever the period."""
    open_count = Complaint.objects.filter(
        order__factory=factory, status__in=OPEN_COMPLAINT_STATUSES
    ).count()
    return [ScorecardFigure(_("Open complaints"), open_count, Kind.INTEGER)]


def register_kpis() -> None:
    register_kpi(
        Kpi(
            "complaints_age",
            _("Open complaints by age"),
            open_complaints_by_age,
            _("Days since the customer's complaint came in."),
            order=60,
            scorecard=complaints_scorecard,
        )
    )
