"""The orders app's lists as tables: the order list, the order progress sheet (R26) and the
time-and-action plan of many orders."""

from functools import cached_property

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders import selectors
from orders.exports.tables import Column, Kind, Table, linked, order_columns
from orders.filters import OrderFilterSet
from orders.list_columns import (
    annotate_next_milestone,
    next_milestone_date,
    next_milestone_label,
    waiting_for_whom,
)
from orders.models import Milestone, ProcessStep, ProgressReport
from orders.planning.choices import MILESTONE_LABELS
from orders.planning.selectors import progress_sheet


class OrderTable(Table):
    """Orders the user may see, filtered and ordered as on the order list."""

    filterset_class = OrderFilterSet

    def queryset(self):
        return selectors.order_list(self.user)


class OrderListTable(OrderTable):
    title = _("Orders")

    def queryset(self):
        return annotate_next_milestone(super().queryset())

    def columns(self) -> list[Column]:
        return [
            Column(_("P/O no."), width=16, sort="po_number"),
            Column(_("Style no."), width=14, sort="style_no"),
            Column(_("Description"), width=30),
            Column(_("Customer"), width=24, sort="customer__name"),
            Column(_("Factory"), width=24, sort="factory__name"),
            Column(_("Merchandiser"), width=16, sort="merchandiser__username"),
            Column(_("Stage"), width=14, sort="stage"),
            Column(_("Total qty"), Kind.INTEGER, sort="annotated_quantity"),
            Column(_("Currency"), Kind.CURRENCY, sort="currency"),
            Column(_("Total amount"), Kind.MONEY, sort="annotated_amount"),
            Column(_("Order date"), Kind.DATE, sort="order_date"),
            Column(_("Ex-factory"), Kind.DATE, sort="ex_factory_date"),
            Column(_("Customer date"), Kind.DATE, sort="customer_date"),
            Column(_("Late"), Kind.FLAG),
            Column(_("At risk"), Kind.FLAG, sort="at_risk"),
            Column(_("Projected ex-factory"), Kind.DATE, sort="projected_ex_factory"),
            Column(_("Next milestone"), width=24),
            Column(_("Next milestone due"), Kind.DATE, sort="next_milestone_planned"),
            Column(_("Waiting for"), width=18),
            Column(_("Entered"), Kind.DATE, sort="created_at"),
        ]

    def rows(self, orders):
        for order in orders:
            yield [
                linked(order.po_number, order.get_absolute_url()),
                order.style_no,
                order.description,
                order.customer.name,
                order.factory.name,
                order.merchandiser.get_full_name() or order.merchandiser.username,
                order.get_stage_display(),
                order.total_quantity or 0,
                order.currency,
                order.total_amount.amount,
                order.order_date,
                order.ex_factory_date,
                order.customer_date,
                order.is_late,
                bool(order.at_risk),
                order.projected_ex_factory,
                next_milestone_label(order),
                next_milestone_date(order),
                waiting_for_whom(order),
                timezone.localdate(order.created_at),
            ]


class ProgressSheetTable(OrderTable):
    """R26 across orders: one row per order and process step."""

    title = _("Order progress sheet")

    def columns(self) -> list[Column]:
        return [
            *order_columns("po", "style", "customer", "factory", "ex_factory"),
            Column(_("Days to ex-factory"), Kind.INTEGER),
            Column(_("Process step"), width=18),
            Column(_("Order qty"), Kind.INTEGER),
            Column(_("Delivered"), Kind.INTEGER),
            Column(_("Scrapped"), Kind.INTEGER),
            Column(_("Scrap rate"), Kind.PERCENT),
            Column(_("Done %"), Kind.PERCENT),
            Column(_("Projected finish"), Kind.DATE),
            Column(_("Days late"), Kind.INTEGER),
            Column(_("Completed"), Kind.FLAG),
            Column(_("Exception"), width=30),
        ]

    @cached_property
    def steps(self):
        return list(ProcessStep.objects.filter(active=True))

    def rows(self, orders):
        today = timezone.localdate()
        reports: dict[int, list] = {order.pk: [] for order in orders}
        for report in ProgressReport.objects.filter(order__in=list(reports)):
            reports[report.order_id].append(report)
        for order in orders:
            sheet = progress_sheet(order, reports[order.pk], self.steps, today)
            for row in sheet.rows:
                yield [
                    linked(order.po_number, order.get_absolute_url()),
                    order.style_no,
                    order.customer.name,
                    order.factory.name,
                    order.ex_factory_date,
                    sheet.countdown,
                    str(row.step),
                    sheet.total,
                    row.done,
                    row.scrapped,
                    row.scrap_rate,
                    row.percent / 100,
                    row.finish,
                    row.days_late,
                    row.completed,
                    row.exception,
                ]


class PlanTable(OrderTable):
    """The time-and-action plan of many orders: one row per order, three columns (planned,
    actual, projected) per milestone."""

    title = _("Time-and-action plans")

    @cached_property
    def milestones(self) -> list[tuple[str, str]]:
        """(code, label) of every milestone the listed orders' plans have, in plan order."""

        found = (
            Milestone.objects.filter(order__in=self.filtered().order_by().values("pk"))
            .values("code")
            .annotate(first=Min("position"), name=Min("name"))
            .order_by("first", "code")
        )
        return [(m["code"], m["name"] or MILESTONE_LABELS.get(m["code"], m["code"])) for m in found]

    def columns(self) -> list[Column]:
        columns = [
            *order_columns("po", "style", "customer", "stage", "ex_factory"),
            Column(_("Customer date"), Kind.DATE, sort="customer_date"),
            Column(_("Projected ex-factory"), Kind.DATE, sort="projected_ex_factory"),
            Column(_("At risk"), Kind.FLAG, sort="at_risk"),
        ]
        for _code, label in self.milestones:
            columns += [
                Column(_("%(milestone)s: planned") % {"milestone": label}, Kind.DATE, 14),
                Column(_("%(milestone)s: actual") % {"milestone": label}, Kind.DATE, 14),
                Column(_("%(milestone)s: projected") % {"milestone": label}, Kind.DATE, 14),
            ]
        return columns

    def rows(self, orders):
        dates: dict[int, dict] = {order.pk: {} for order in orders}
        for milestone in Milestone.objects.filter(order__in=list(dates)).only(
            "order_id", "code", "planned_date", "actual_date", "projected_date"
        ):
            dates[milestone.order_id][milestone.code] = milestone
        for order in orders:
            row = [
                linked(order.po_number, order.get_absolute_url()),
                order.style_no,
                order.customer.name,
                order.get_stage_display(),
                order.ex_factory_date,
                order.customer_date,
                order.projected_ex_factory,
                bool(order.at_risk),
            ]
            for code, _label in self.milestones:
                milestone = dates[order.pk].get(code)
                if milestone is None:
                    row += [None, None, None]
                else:
                    row += [milestone.planned_date, milestone.actual_date, milestone.projected_date]
            yield row
