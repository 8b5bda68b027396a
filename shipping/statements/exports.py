"""The statement as an Excel sheet (and CSV), through the lists' one export writer: per
currency, the balance brought forward, the month's lines, and the closing balance."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from orders.exports.tables import Column, Kind, Table


class StatementTable(Table):
    def __init__(self, user, statement):
        self.statement = statement
        super().__init__(user, None)

    @property
    def title(self) -> str:
        return f"{_('Statement')} {self.statement.label} {self.statement.customer.name}"

    def queryset(self):
        """Rows as (currency, date, item, order, reference, debit, credit, balance, reason)."""
        statement = self.statement
        lines = list(statement.lines.select_related("order"))
        rows = []
        for balance in statement.balances.all():
            running = balance.opening
            rows.append(
                (balance.currency, statement.period, _("Balance brought forward"), "", "",
                 None, None, running, "")
            )  # fmt: skip
            for line in (line for line in lines if line.currency == balance.currency):
                running += line.amount
                reason = line.dispute_reason if line.disputed else ""
                rows.append(
                    (line.currency, line.day, line.get_kind_display(), line.order.po_number,
                     line.reference, line.debit, line.credit, running, reason)
                )  # fmt: skip
            rows.append(
                (balance.currency, statement.period_end, _("Closing balance"), "", "",
                 None, None, balance.closing, "")
            )  # fmt: skip
        return rows

    def columns(self) -> list[Column]:
        return [
            Column(gettext_lazy("Currency"), Kind.CURRENCY),
            Column(gettext_lazy("Date"), Kind.DATE),
            Column(gettext_lazy("Item"), width=24),
            Column(gettext_lazy("P/O no."), width=16),
            Column(gettext_lazy("Reference"), width=24),
            Column(pgettext_lazy("statement", "Debit"), Kind.MONEY),
            Column(pgettext_lazy("statement", "Credit"), Kind.MONEY),
            Column(gettext_lazy("Balance"), Kind.MONEY),
            Column(gettext_lazy("Disputed: reason"), width=30),
        ]

    def rows(self, objects):
        return [list(row) for row in objects]
