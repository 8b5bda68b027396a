"""The orders app's KPIs: on-time delivery (by month, factory, customer) and the dates that
moved, by who caused them (R6)."""

from datetime import date

from django.db.models import Case, Count, F, IntegerField, Q, Sum, When
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from orders.exports.tables import Column, Kind
from orders.kpis import Kpi, KpiTable, ScorecardFigure, percent, register_kpi, since_filter
from orders.models import DateChangeRequest, Milestone
from orders.planning.choices import DateChangeStatus, Party


def shipped_milestones(since: date | None):
    """Each shipped order's ex-factory milestone (done from `since` on), marked on time when it
    was done by the order's ex-factory date."""
    return Milestone.objects.filter(
        is_ex_factory=True, actual_date__isnull=False, **since_filter("actual_date", since)
    ).annotate(
        on_time=Case(
            When(actual_date__lte=F("order__ex_factory_date"), then=1),
            default=0,
            output_field=IntegerField(),
        )
    )


def on_time_table(group: str, label, since: date | None, *, describe=str) -> KpiTable:
    rows = (
        shipped_milestones(since)
        .values(group)
        .annotate(shipped=Count("id"), on_time=Sum("on_time"))
        .order_by(group)
    )
    return KpiTable(
        columns=[
            Column(label, width=24),
            Column(_("Orders shipped"), Kind.INTEGER),
            Column(_("On time"), Kind.INTEGER),
            Column(_("On-time %"), Kind.PERCENT),
        ],
        rows=[
            [
                describe(row[group]),
                row["shipped"],
                row["on_time"],
                percent(row["on_time"], row["shipped"]),
            ]
            for row in rows
        ],  # fmt: skip
        chart_column=3,
    )


def on_time_by_month(since: date | None) -> KpiTable:
    rows = (
        shipped_milestones(since)
        .annotate(month=TruncMonth("actual_date"))
        .values("month")
        .annotate(shipped=Count("id"), on_time=Sum("on_time"))
        .order_by("month")
    )
    return KpiTable(
        columns=[
            Column(_("Month"), width=10),
            Column(_("Orders shipped"), Kind.INTEGER),
            Column(_("On time"), Kind.INTEGER),
            Column(_("On-time %"), Kind.PERCENT),
        ],
        rows=[
            [
                row["month"].strftime("%Y-%m"),
                row["shipped"],
                row["on_time"],
                percent(row["on_time"], row["shipped"]),
            ]
            for row in rows
        ],  # fmt: skip
        chart_column=3,
    )


def factory_on_time(factory, since: date | None) -> list[ScorecardFigure]:
    figures = shipped_milestones(since).filter(order__factory=factory)
    totals = figures.aggregate(shipped=Count("id"), in_time=Sum("on_time"))
    shipped, on_time = totals["shipped"], totals["in_time"] or 0
    return [
        ScorecardFigure(_("Orders shipped"), shipped, Kind.INTEGER),
        ScorecardFigure(
            _("On-time delivery"),
            percent(on_time, shipped),
            Kind.PERCENT,
            _("Done by the order's ex-factory date."),
        ),
    ]


def date_changes_by_cause(since: date | None) -> KpiTable:
    rows = (
        DateChangeRequest.objects.filter(**since_filter("created_at", since, moment=True))
        .values("responsible")
        .annotate(
            requested=Count("id"),
            agreed=Count("id", filter=Q(status=DateChangeStatus.AGREED)),
        )
        .order_by("responsible")
    )
    return KpiTable(
        columns=[
            Column(_("Caused by"), width=20),
            Column(_("Date changes requested"), Kind.INTEGER),
            Column(_("Agreed"), Kind.INTEGER),
        ],
        rows=[
            [str(Party(row["responsible"]).label), row["requested"], row["agreed"]] for row in rows
        ],
        chart_column=1,
    )


def register() -> None:
    register_kpi(
        Kpi(
            "on_time_month",
            _("On-time delivery by month"),
            on_time_by_month,
            _("Orders whose ex-factory milestone was done by the order's ex-factory date."),
            order=10,
        )
    )
    register_kpi(
        Kpi(
            "on_time_factory",
            _("On-time delivery by factory"),
            lambda since: on_time_table("order__factory__name", _("Factory"), since),
            order=11,
            scorecard=factory_on_time,
        )
    )
    register_kpi(
        Kpi(
            "on_time_customer",
            _("On-time delivery by customer"),
            lambda since: on_time_table("order__customer__name", _("Customer"), since),
            order=12,
        )
    )
    register_kpi(
        Kpi(
            "date_changes",
            _("Date changes by who caused them"),
            date_changes_by_cause,
            _("Every requested change of a date, by the party responsible (R6)."),
            order=40,
        )
    )
