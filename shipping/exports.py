"""The shipping app's lists as tables (see orders.exports): the export tracking sheet (R27)
across orders, collections with ageing (R21) and the inspections."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.exports.lists import OrderTable
from orders.exports.registry import register_sheet
from orders.exports.tables import Column, Kind, Table, order_columns
from orders.planning.commodity import r33_commodity_inspection_status
from shipping import rules, selectors
from shipping.choices import AGEING_BUCKETS, ExportDocumentKind, PaymentKind
from shipping.filters import CollectionsFilterSet, InspectionFilterSet


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


class TrackingTable(OrderTable):
    """R27: one row per order: certificates, customs, commodity inspection (R33), deposit and
    balance, inspection, freight, claims and deductions, documents archived, B/L released."""

    title = _("Export tracking sheet")

    def objects(self):
        return selectors.tracking_orders(super().objects())

    def columns(self) -> list[Column]:
        return [
            *order_columns("po", "style", "customer", "stage", "ex_factory"),
            Column(_("FORM A / C/O no."), width=16),
            Column(_("FORM A / C/O date"), Kind.DATE),
            Column(_("Customs declaration no."), width=16),
            Column(_("Customs declared on"), Kind.DATE),
            Column(_("Commodity inspection (R33)"), width=40),
            Column(_("Currency"), Kind.CURRENCY, sort="currency"),
            Column(_("Order amount"), Kind.MONEY),
            Column(_("Deposit due"), Kind.MONEY),
            Column(_("Deposit received"), Kind.MONEY),
            Column(_("Balance received"), Kind.MONEY),
            Column(_("Claims and deductions"), Kind.MONEY),
            Column(_("Owed"), Kind.MONEY),
            Column(_("Payment status"), width=12),
            Column(_("Balance due"), Kind.DATE),
            Column(_("Final inspection"), width=10),
            Column(_("Inspected on"), Kind.DATE),
            Column(_("Forwarder"), width=18),
            Column(_("Vessel / flight"), width=18),
            Column(_("ETD"), Kind.DATE, sort="freight_booking__etd"),
            Column(_("ETA"), Kind.DATE, sort="freight_booking__eta"),
            Column(_("Documents archived"), Kind.FLAG),
            Column(_("Documents missing"), width=30),
            Column(_("B/L no."), width=16),
            Column(_("B/L released on"), Kind.DATE),
        ]

    def rows(self, orders):
        today = timezone.localdate()
        for order in orders:
            documents = {document.kind: document for document in order.export_documents.all()}
            origin = documents.get(ExportDocumentKind.FORM_A) or documents.get(
                ExportDocumentKind.CERTIFICATE_OF_ORIGIN
            )
            customs = documents.get(ExportDocumentKind.CUSTOMS_DECLARATION)
            bill = documents.get(ExportDocumentKind.BILL_OF_LADING)
            balance = rules.balance(order, today=today)
            deposit = next(
                (i.amount for i in balance.instalments if i.kind == PaymentKind.DEPOSIT), None
            )
            payments = list(order.payments.all())
            report = selectors.latest_final_report(order)
            freight = order.freight_booking if rules.has_related(order, "freight_booking") else None
            missing = rules.missing_documents(order, fetched=True)
            yield [
                order.po_number,
                order.style_no,
                order.customer.name,
                order.get_stage_display(),
                order.ex_factory_date,
                origin.number if origin else "",
                origin.issued_on if origin else None,
                customs.number if customs else "",
                customs.issued_on if customs else None,
                r33_commodity_inspection_status(order),
                order.currency,
                balance.total.amount,
                deposit,
                sum((p.amount for p in payments if p.kind == PaymentKind.DEPOSIT), 0) or None,
                sum((p.amount for p in payments if p.kind != PaymentKind.DEPOSIT), 0) or None,
                balance.deducted.amount or None,
                balance.owed.amount,
                str(balance.get_status_label),
                balance.due_on,
                report.get_verdict_display() if report else "",
                report.inspected_on if report else None,
                freight.forwarder if freight else "",
                freight.vessel_or_flight if freight else "",
                freight.etd if freight else None,
                freight.eta if freight else None,
                not missing,
                ", ".join(str(m) for m in missing),
                bill.number if bill else "",
                bill.issued_on if bill else None,
            ]


class CollectionsTable(Table):
    """R21: every order that still owes, with its customer, age and ageing bucket."""

    title = _("Collections by customer (R21)")
    filterset_class = CollectionsFilterSet

    def queryset(self):
        return selectors.owing_with_money()

    def filtered(self):
        # Sorting by a balance's figures needs them all: (order, balance) pairs of the owing
        # orders the filters leave, each figure summed by the database (selectors.balances).
        orders = (
            super()
            .filtered()
            .select_related("customer", "merchandiser")
            .order_by("customer__name", "currency", "ex_factory_date", "id")
        )
        return selectors.balances(list(orders))

    def columns(self) -> list[Column]:
        return [
            Column(_("Customer"), width=24, sort="customer"),
            Column(_("Currency"), Kind.CURRENCY, sort="currency"),
            Column(_("P/O no."), width=16, sort="po_number"),
            Column(_("Merchandiser"), width=16, sort="merchandiser"),
            Column(_("Order amount"), Kind.MONEY, sort="total"),
            Column(_("Received"), Kind.MONEY, sort="paid"),
            Column(_("Claims and deductions"), Kind.MONEY),
            Column(_("Owed"), Kind.MONEY, sort="owed"),
            Column(_("Payment status"), width=12),
            Column(_("Due"), Kind.DATE, sort="due_on"),
            Column(_("Days overdue"), Kind.INTEGER, sort="days_overdue"),
            Column(_("Not yet due"), Kind.MONEY),
            *[
                Column(_("%(bucket)s days") % {"bucket": label}, Kind.MONEY)
                for label, _low, _high in AGEING_BUCKETS
            ],
        ]

    def sort_value(self, pair, key: str):
        order, balance = pair
        if key == "customer":
            return order.customer.name
        if key == "merchandiser":
            return _person(order.merchandiser)
        if key in ("currency", "po_number"):
            return getattr(order, key)
        value = getattr(balance, key)
        return getattr(value, "amount", value)

    def rows(self, pairs):
        today = timezone.localdate()
        for order, balance in pairs:
            bucket = selectors.order_bucket(balance, today)
            owed = balance.owed.amount
            yield [
                order.customer.name,
                order.currency,
                order.po_number,
                _person(order.merchandiser),
                balance.total.amount,
                balance.paid.amount,
                balance.deducted.amount,
                owed,
                str(balance.get_status_label),
                balance.due_on,
                max((today - balance.due_on).days, balance.days_overdue) if bucket else 0,
                owed if bucket is None else None,
                *[owed if bucket == label else None for label, _low, _high in AGEING_BUCKETS],
            ]


class InspectionsTable(Table):
    title = _("Inspections")
    filterset_class = InspectionFilterSet

    def queryset(self):
        return selectors.inspections(self.user)

    def columns(self) -> list[Column]:
        return [
            *order_columns("po", "style", "customer", "factory", via="order__"),
            Column(_("Inspection"), width=14, sort="kind"),
            Column(_("Inspected by"), width=16, sort="party"),
            Column(_("Inspection company"), width=18, sort="inspection_company"),
            Column(_("Inspection date"), Kind.DATE, sort="planned_date"),
            Column(_("Lot size"), Kind.INTEGER, sort="lot_size"),
            Column(_("Inspected on"), Kind.DATE, sort="report__inspected_on"),
            Column(_("Verdict"), width=9, sort="report__verdict"),
            Column(_("Critical"), Kind.INTEGER),
            Column(_("Major"), Kind.INTEGER),
            Column(_("Minor"), Kind.INTEGER),
            Column(_("Decision"), width=18),
        ]

    def rows(self, bookings):
        for booking in bookings:
            report = (
                getattr(booking, "report", None) if rules.has_related(booking, "report") else None
            )
            found = (
                {count.defect_class: count.found for count in report.counts.all()} if report else {}
            )  # noqa: E501
            resolution = (
                report.resolution
                if report is not None and rules.has_related(report, "resolution")
                else None
            )
            yield [
                booking.order.po_number,
                booking.order.style_no,
                booking.order.customer.name,
                booking.order.factory.name,
                booking.get_kind_display(),
                booking.get_party_display(),
                booking.inspection_company,
                booking.planned_date,
                booking.lot_size,
                report.inspected_on if report else None,
                report.get_verdict_display() if report else "",
                found.get("critical"),
                found.get("major"),
                found.get("minor"),
                resolution.get_decision_display() if resolution else "",
            ]


def register_sheets() -> None:
    register_sheet(
        code="tracking",
        title=_("Export tracking sheet"),
        url_name="shipping:tracking",
        order_filters=True,
        order=30,
    )
    register_sheet(
        code="inspections", title=_("Inspections"), url_name="shipping:inspections", order=40
    )  # noqa: E501
