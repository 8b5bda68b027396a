"""The complaints and returns lists as tables (see orders.exports)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import selectors
from complaints.filters import ComplaintFilterSet, ReturnFilterSet
from orders.exports.registry import register_sheet
from orders.exports.tables import Column, Kind, Table, linked, order_columns


class ComplaintsTable(Table):
    title = _("Complaints")
    filterset_class = ComplaintFilterSet

    def queryset(self):
        return selectors.complaint_list(self.user)

    def columns(self) -> list[Column]:
        return [
            Column(_("Complaint"), width=11, sort="id"),
            *order_columns("po", "style", "customer", "factory", via="order__"),
            Column(_("Merchandiser"), width=16, sort="order__merchandiser__username"),
            Column(_("Kind"), width=16, sort="kind"),
            Column(_("Received"), Kind.DATE, sort="received_on"),
            Column(_("Age (days)"), Kind.INTEGER),
            Column(_("Status"), width=22, sort="status"),
            Column(_("Quantity affected"), Kind.INTEGER, sort="quantity_affected"),
            Column(_("Fault"), width=14, sort="fault"),
            Column(_("Remedy"), width=14),
            Column(_("Currency"), Kind.CURRENCY),
            Column(_("Factory claim"), Kind.MONEY),
            Column(_("Closed"), Kind.DATE, sort="closed_at"),
        ]

    def rows(self, complaints):
        today = timezone.localdate()
        for complaint in complaints:
            order = complaint.order
            claim = getattr(complaint, "factory_claim", None)
            yield [
                linked(complaint.number, complaint.get_absolute_url()),
                order.po_number,
                order.style_no,
                order.customer.name,
                order.factory.name,
                order.merchandiser.get_full_name() or order.merchandiser.username,
                complaint.get_kind_display(),
                complaint.received_on,
                complaint.age_days(today),
                complaint.get_status_display(),
                complaint.quantity_affected,
                complaint.get_fault_display(),
                complaint.get_remedy_display(),
                claim.currency if claim else "",
                claim.amount if claim else None,
                timezone.localdate(complaint.closed_at) if complaint.closed_at else None,
            ]


class ReturnsTable(Table):
    title = _("Customer returns")
    filterset_class = ReturnFilterSet

    def queryset(self):
        return selectors.return_list(self.user)

    def columns(self) -> list[Column]:
        return [
            Column(_("Return"), width=11, sort="id"),
            *order_columns("po", "customer", "factory", via="order__"),
            Column(_("Complaint"), width=11),
            Column(_("Customer applied on"), Kind.DATE, sort="applied_on"),
            Column(_("Cause"), width=18, sort="cause"),
            Column(_("Back to the factory"), Kind.FLAG),
            Column(_("Quantity"), Kind.INTEGER),
            Column(_("Status"), width=24, sort="status"),
            Column(_("Decided"), Kind.DATE, sort="decided_at"),
            Column(_("Received"), Kind.DATE, sort="received_at"),
            Column(_("Return note no."), width=14, sort="note_number"),
        ]

    def rows(self, returns):
        for application in returns:
            order = application.order
            yield [
                linked(application.number, application.get_absolute_url()),
                order.po_number,
                order.customer.name,
                order.factory.name,
                application.complaint.number if application.complaint else "",
                application.applied_on,
                application.get_cause_display(),
                application.back_to_factory,
                application.total_quantity,
                application.get_status_display(),
                _day(application.decided_at),
                _day(application.received_at),
                application.note_number,
            ]


def _day(moment):
    return timezone.localdate(moment) if moment else None


def register_sheets() -> None:
    register_sheet(code="complaints", title=_("Complaints"), url_name="complaints:list", order=50)
    register_sheet(
        code="returns", title=_("Customer returns"), url_name="complaints:returns", order=60
    )  # noqa: E501
