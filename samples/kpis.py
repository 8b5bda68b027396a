"""Samples' KPIs: how many rounds a sample type takes until the customer approves it."""

from datetime import date

from django.db.models import Avg, Count, Max
from django.utils.translation import gettext_lazy as _

from orders.exports.tables import Column, Kind
from orders.kpis import Kpi, KpiTable, register_kpi, since_filter
from samples.choices import SampleStatus, SampleType
from samples.models import SampleRequest


def rounds_until_approval(since: date | None) -> KpiTable:
    rows = (
        SampleRequest.objects.filter(
            status=SampleStatus.APPROVED, **since_filter("decided_at", since, moment=True)
        )
        .values("sample_type")
        .annotate(approved=Count("id"), average=Avg("round_no"), most=Max("round_no"))
        .order_by("sample_type")
    )
    return KpiTable(
        columns=[
            Column(_("Sample type"), width=16),
            Column(_("Samples approved"), Kind.INTEGER),
            Column(_("Rounds until approval (average)"), Kind.DECIMAL),
            Column(_("Most rounds"), Kind.INTEGER),
        ],
        rows=[
            [
                str(SampleType(row["sample_type"]).label),
                row["approved"],
                round(row["average"], 1),
                row["most"],
            ]
            for row in rows
        ],  # fmt: skip
        chart_column=2,
    )


def register_kpis() -> None:
    register_kpi(
        Kpi(
            "sample_rounds",
            _("Sample rounds until approval"),
            rounds_until_approval,
            _("The round in which the customer approved each sample, by sample type."),
            order=50,
        )
    )
