"""The quotations list as a table (see orders.exports): its page and its export."""

from django.utils.translation import gettext_lazy as _

from orders.exports.tables import Column, Kind, Table
from orders.quotations import selectors
from orders.quotations.filters import QuotationFilterSet


class QuotationsTable(Table):
    title = _("Quotations")
    filterset_class = QuotationFilterSet

    def queryset(self):
        return selectors.quotation_list(self.user)

    def columns(self) -> list[Column]:
        return [
            Column(_("Quotation"), width=18),
            Column(_("Customer"), width=22),
            Column(_("Style no."), width=14),
            Column(_("Description"), width=26),
            Column(_("Merchandiser"), width=16),
            Column(_("Status"), width=18),
            Column(_("Currency"), Kind.CURRENCY),
            Column(_("Lowest price"), Kind.MONEY),
            Column(_("Lowest margin %"), Kind.PERCENT),
            Column(_("Valid until"), Kind.DATE),
        ]

    def rows(self, quotations):
        for quotation in quotations:
            figures = quotation.break_figures()
            margins = [item.margin_percent for item in figures if item.margin_percent is not None]
            yield [
                quotation.label,
                quotation.customer.name,
                quotation.style_no,
                quotation.description,
                quotation.merchandiser.get_full_name() or quotation.merchandiser.username,
                quotation.get_status_display(),
                quotation.currency,
                min((item.unit_price for item in figures), default=None),
                min(margins, default=None),
                quotation.valid_until,
            ]
