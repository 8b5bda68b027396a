"""Shipping's KPIs: first-time final inspection pass rate and L/G letters (R7) by factory, and
the customers' deductions with our claims on the factory, per factory and currency."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from orders.exports.tables import Column, Kind
from orders.kpis import Kpi, KpiTable, ScorecardFigure, percent, register_kpi, since_filter
from shipping.choices import InspectionKind, Verdict
from shipping.models import Deduction, GuaranteeLetter, InspectionReport


def first_final_reports(since: date | None, factory=None):
    """Each order's first final inspection report (did the goods pass the first time?) of
    those inspected from `since` on, as a queryset to count in the database: a factory of long
    standing has thousands. A report is its order's first when no final report of the order
    was recorded before it."""
    finals = InspectionReport.objects.filter(booking__kind=InspectionKind.FINAL)
    earlier = finals.filter(booking__order=OuterRef("booking__order"), id__lt=OuterRef("id"))
    firsts = finals.filter(**since_filter("inspected_on", since)).exclude(Exists(earlier))
    if factory is not None:
        firsts = firsts.filter(booking__order__factory=factory)
    return firsts.order_by()


FIRST_TIME = {"inspected": Count("id"), "passed": Count("id", filter=Q(verdict=Verdict.PASS))}


def inspection_by_factory(since: date | None) -> KpiTable:
    inspected, passed = {}, {}
    for row in (
        first_final_reports(since)
        .values("booking__order__factory__name")
        .annotate(**FIRST_TIME)
        .order_by()
    ):
        name = row["booking__order__factory__name"]
        inspected[name], passed[name] = row["inspected"], row["passed"]
    letters = dict(
        GuaranteeLetter.objects.filter(**since_filter("created_at", since, moment=True))
        .values("order__factory__name")
        .annotate(count=Count("id"))
        .values_list("order__factory__name", "count")
    )
    names = sorted(set(inspected) | set(letters), key=str.casefold)
    return KpiTable(
        columns=[
            Column(_("Factory"), width=24),
            Column(_("Orders inspected"), Kind.INTEGER),
            Column(_("Passed the first time"), Kind.INTEGER),
            Column(_("First-time pass rate"), Kind.PERCENT),
            Column(_("L/G letters"), Kind.INTEGER),
        ],
        rows=[
            [
                name,
                inspected.get(name, 0),
                passed.get(name, 0),
                percent(passed.get(name, 0), inspected.get(name, 0)),
                letters.get(name, 0),
            ]
            for name in names
        ],  # fmt: skip
        chart_column=3,
    )


def inspection_scorecard(factory, since: date | None) -> list[ScorecardFigure]:
    counts = first_final_reports(since, factory).aggregate(**FIRST_TIME)
    return [
        ScorecardFigure(
            _("First-time pass rate"),
            percent(counts["passed"], counts["inspected"]),
            Kind.PERCENT,
            _("Final inspections passed at the first inspection of the order."),
        ),
        ScorecardFigure(
            _("L/G letters"),
            GuaranteeLetter.objects.filter(
                order__factory=factory, **since_filter("created_at", since, moment=True)
            ).count(),
            Kind.INTEGER,
        ),
    ]


def deductions_by_factory(since: date | None) -> KpiTable:
    """The customers' deductions on the factory's orders, and what we claimed back (complaints
    record their claim on the factory as the deduction's source)."""
    totals: dict[tuple, dict] = defaultdict(lambda: {"count": 0, "amount": Decimal("0")})
    for row in (
        Deduction.objects.filter(**since_filter("recorded_at", since, moment=True))
        .values("order__factory__name", "currency")
        .annotate(count=Count("id"), amount=Sum("amount"))
        .order_by()
    ):
        key = (row["order__factory__name"], row["currency"])
        totals[key]["count"] += row["count"]
        totals[key]["amount"] += row["amount"]
    keys = sorted(totals, key=lambda k: (str(k[0]).casefold(), k[1]))
    return KpiTable(
        columns=[
            Column(_("Factory"), width=24),
            Column(_("Currency"), Kind.CURRENCY),
            Column(_("Claims and deductions"), Kind.INTEGER),
            Column(_("Amount"), Kind.MONEY),
        ],
        rows=[[k[0], k[1], totals[k]["count"], totals[k]["amount"]] for k in keys],
        chart_column=2,
    )


def deductions_scorecard(factory, since: date | None) -> list[ScorecardFigure]:
    rows = (
        Deduction.objects.filter(
            order__factory=factory, **since_filter("recorded_at", since, moment=True)
        )
        .values("currency")
        .annotate(amount=Sum("amount"))
        .order_by("currency")
    )
    text = ", ".join(f"{row['currency']} {row['amount']:,.2f}" for row in rows)
    return [ScorecardFigure(_("Claims and deductions"), text or "–")]


def register_kpis() -> None:
    register_kpi(
        Kpi(
            "inspections_factory",
            _("First-time inspection pass rate and L/G letters by factory"),
            inspection_by_factory,
            _("Each order's first final inspection; L/G letters let failed goods ship (R7)."),
            order=20,
            scorecard=inspection_scorecard,
        )
    )
    register_kpi(
        Kpi(
            "deductions_factory",
            _("Claims and deductions by factory"),
            deductions_by_factory,
            _("What customers deducted from payments on each factory's orders (R21, R27)."),
            order=30,
            scorecard=deductions_scorecard,
        )
    )
