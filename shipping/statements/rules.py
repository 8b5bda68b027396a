"""R31's rules, and R20's monthly condition that reads them."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from orders.money import Money
from shipping.statements import ledger
from shipping.statements.choices import AGREED
from shipping.statements.models import Statement


def r31_owed_on(statement: Statement) -> dict:
    """What the customer still owes today on what the statement billed: the orders invoiced up
    to its month's end, with every payment and deduction recorded since (per currency)."""
    return ledger.still_owed(statement.customer, statement.period_end)


def r31_statement_paid(statement: Statement) -> bool:
    return not r31_owed_on(statement)


def r31_statement_cleared(statement: Statement) -> bool:
    """Confirmed by the customer (or its differences resolved), and paid."""
    return statement.status in AGREED and r31_statement_paid(statement)


def _month(period: date) -> str:
    return date_format(period, "YEAR_MONTH_FORMAT")


def r20_last_month_cleared(customer, today: date) -> tuple[bool, str]:
    """R20 for a monthly customer: last month's statement is confirmed (or its differences
    resolved) and nothing billed on it is still owed. A customer with nothing invoiced up to
    last month's end has nothing to clear."""
    period = ledger.previous_month(today)
    month = _month(period)
    statement = Statement.objects.filter(customer=customer, period=period).first()
    if statement is None:
        owed = ledger.still_owed(customer, ledger.month_end(period))
        if not owed:
            return True, _("Nothing to clear for %(month)s: nothing invoiced is owed") % {
                "month": month
            }
        return False, _("The statement of %(month)s is not drawn up yet (R31)") % {"month": month}
    owed = r31_owed_on(statement)
    owing = ", ".join(str(Money(amount, currency)) for currency, amount in owed.items())
    if statement.status not in AGREED:
        return False, _("Statement %(label)s of %(month)s is %(status)s: not confirmed yet") % {
            "label": statement.label,
            "month": month,
            "status": statement.get_status_display().lower(),
        }
    if owed:
        return False, _("Statement %(label)s of %(month)s is confirmed, but %(owed)s is owed") % {
            "label": statement.label,
            "month": month,
            "owed": owing,
        }
    return True, _("Statement %(label)s of %(month)s confirmed and paid") % {
        "label": statement.label,
        "month": month,
    }
