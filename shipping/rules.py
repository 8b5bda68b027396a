"""The business rules of inspection, shipment and settlement, each under its name in DOMAIN.md."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.choices import PaymentTerms
from orders.money import Money
from shipping.choices import (
    REQUIRED_EXPORT_DOCUMENTS,
    ExportDocumentKind,
    InspectionKind,
    InspectorParty,
    PaymentKind,
    PaymentStatus,
)
from shipping.models import CommercialInvoice, InspectionReport, PackingList, ShippingMarks
from shipping.models.inspections import booking_deadline

CENT = Decimal("0.01")

# ---- R12: inspection booking deadlines --------------------------------------------------------

# booking_deadline (the lead days) is declared with the booking: shipping.models.inspections.


def final_booking(order):
    return order.inspection_bookings.filter(kind=InspectionKind.FINAL).order_by("booked_at").first()


def final_booking_overdue(order, party: str = InspectorParty.OWN_QC, today=None) -> bool:
    """R12: no final inspection booked and the deadline has passed."""
    today = today or timezone.localdate()
    return final_booking(order) is None and today > booking_deadline(order, party)


# ---- R7 and the ship gate ----------------------------------------------------------------------


def latest_final_report(order):
    return (
        InspectionReport.objects.filter(
            booking__order=order,
            booking__kind__in=[InspectionKind.FINAL, InspectionKind.REINSPECTION],
        )
        .select_related("booking")
        .order_by("-inspected_on", "-id")
        .first()
    )


def inspection_cleared_for_shipment(order) -> bool:
    """The ship gate: the latest final inspection (or re-inspection) passed, or it failed and
    the shipment under L/G was approved (R7)."""
    report = latest_final_report(order)
    if report is None:
        return False
    if report.passed:
        return True
    letter = getattr(report, "guarantee_letter", None)
    return letter is not None and letter.is_approved


# ---- R23: shipping marks confirmed by the customer ---------------------------------------------


def marks_warning_days() -> int:
    return int(getattr(settings, "GENDAN_SHIPPING_MARKS_WARNING_DAYS", 21))


def shipping_marks_flagged(order, today=None) -> bool:
    """R23: chase the customer when the marks are not confirmed close to the ex-factory date."""
    today = today or timezone.localdate()
    if ShippingMarks.objects.filter(order_id=order.pk, confirmed_on__isnull=False).exists():
        return False
    return today >= order.ex_factory_date - timedelta(days=marks_warning_days())


# ---- R27: export documents ---------------------------------------------------------------------


def missing_documents(order, *, fetched: bool = False) -> list[str]:
    """R27: what the export tracking sheet still lacks (labels). `fetched`: the caller read the
    packing list and the invoice with the order (select_related), so they are not asked again."""
    have = {document.kind for document in order.export_documents.all()}
    missing = [
        " / ".join(str(ExportDocumentKind(kind).label) for kind in group)
        for group in REQUIRED_EXPORT_DOCUMENTS
        if not have.intersection(group)
    ]
    if fetched:
        has_packing_list = has_related(order, "packing_list")
        has_invoice = has_related(order, "commercial_invoice")
    else:
        has_packing_list = PackingList.objects.filter(order=order).exists()
        has_invoice = CommercialInvoice.objects.filter(order=order).exists()
    if not has_packing_list:
        missing.append(_("Packing list"))
    if not has_invoice:
        missing.append(_("Commercial invoice"))
    return missing


def has_related(obj, name: str) -> bool:
    """Whether a reverse one-to-one exists, read from what select_related fetched (Django
    remembers a missing one too, so only for objects just read)."""
    try:
        return getattr(obj, name) is not None
    except ObjectDoesNotExist:
        return False


def documents_complete(order) -> bool:
    return not missing_documents(order)


# ---- R15: dispatches -------------------------------------------------------------------------


def has_dispatch(order) -> bool:
    return order.dispatches.exists()


def dispatches_shipped(order) -> bool:
    """R15 in the R27 picture: every dispatch of the order left with a waybill."""
    return all(dispatch.shipped for dispatch in order.dispatches.all())


# ---- R21: what the customer owes, and when -----------------------------------------------------

# Days after the base date (B/L date, else ex-factory date) at which the balance falls due.
DEFAULT_DUE_DAYS = {
    PaymentTerms.LETTER_OF_CREDIT: 21,  # presentation period for negotiation
    PaymentTerms.TELEGRAPHIC_TRANSFER: 7,  # balance against a copy of the B/L
    PaymentTerms.DOCUMENTS_AGAINST_PAYMENT: 14,
    PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE: 60,
    PaymentTerms.OPEN_ACCOUNT: 30,
}
DEPOSIT_DUE_DAYS = 7


def due_days(terms: str) -> int:
    overrides = getattr(settings, "GENDAN_PAYMENT_DUE_DAYS", {}) or {}
    return int(overrides.get(terms, DEFAULT_DUE_DAYS[terms]))


@dataclass(frozen=True)
class Instalment:
    kind: str
    amount: Decimal
    due_on: date


@dataclass(frozen=True)
class Balance:
    total: Money
    paid: Money
    deducted: Money
    owed: Money
    status: str
    due_on: date
    days_overdue: int
    instalments: tuple[Instalment, ...]

    @property
    def settled(self) -> bool:
        return self.owed.amount <= 0

    @property
    def get_status_label(self):
        return PaymentStatus(self.status).label


def _cents(amount) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def base_date(order) -> date:
    bill = next(
        (d for d in order.export_documents.all() if d.kind == ExportDocumentKind.BILL_OF_LADING),
        None,
    )
    return bill.issued_on if bill is not None else order.ex_factory_date


def instalments(order, total: Decimal) -> list[Instalment]:
    """R21: the due dates that follow from the payment terms."""
    return instalments_of(
        order.payment_terms, order.deposit_percent, order.order_date, base_date(order), total
    )


def instalments_of(terms, deposit_percent, order_date, base: date, total) -> list[Instalment]:
    """instalments() from an order's figures (e.g. the columns of shipping.collections)."""
    balance_due = base + timedelta(days=due_days(terms))
    if terms == PaymentTerms.TELEGRAPHIC_TRANSFER and deposit_percent > 0:
        deposit = _cents(total * deposit_percent / Decimal(100))
        return [
            Instalment(PaymentKind.DEPOSIT, deposit, order_date + timedelta(days=DEPOSIT_DUE_DAYS)),
            Instalment(PaymentKind.BALANCE, total - deposit, balance_due),
        ]
    kind = (
        PaymentKind.LC_NEGOTIATION
        if terms == PaymentTerms.LETTER_OF_CREDIT
        else PaymentKind.BALANCE
    )
    return [Instalment(kind, total, balance_due)]


def days_late(plan: list[Instalment], credited: Decimal, today: date) -> int | None:
    """R21: the days since the earliest instalment due before today that what was credited
    does not cover; None when nothing is overdue."""
    required = Decimal("0")
    for instalment in plan:
        required += instalment.amount
        if instalment.due_on < today and required > credited:
            return (today - instalment.due_on).days
    return None


def balance(order, today=None) -> Balance:
    """R21: paid / pending / partial / overdue. Payments and deductions are prefetched by the
    selectors (order.payments.all(), order.deductions.all())."""
    today = today or timezone.localdate()
    currency = order.currency
    total = _cents(order.total_amount.amount)
    paid = sum((p.amount for p in order.payments.all()), Decimal("0"))
    deducted = sum((d.amount for d in order.deductions.all()), Decimal("0"))
    credited = paid + deducted
    owed = total - credited
    plan = instalments(order, total)
    status, days_overdue = PaymentStatus.PENDING, 0
    if owed <= 0:
        status = PaymentStatus.PAID
    else:
        late = days_late(plan, credited, today)
        if late is not None:
            status, days_overdue = PaymentStatus.OVERDUE, late
        elif paid > 0:
            status = PaymentStatus.PARTIAL
    return Balance(
        total=Money(total, currency),
        paid=Money(paid, currency),
        deducted=Money(deducted, currency),
        owed=Money(max(owed, Decimal("0")), currency),
        status=status,
        due_on=plan[-1].due_on,
        days_overdue=days_overdue,
        instalments=tuple(plan),
    )


def ageing_days(terms, deposit_percent, order_date, total, credited, base, today) -> int | None:
    """R21's age of an open balance from an order's figures (as balance() and the collections'
    order_bucket() work it out from the order): the days since the earliest instalment due
    before today that is not covered, or None while nothing is due yet."""
    balance_due = base + timedelta(days=due_days(terms))
    days = None
    if terms == PaymentTerms.TELEGRAPHIC_TRANSFER and deposit_percent > 0:
        deposit_due = order_date + timedelta(days=DEPOSIT_DUE_DAYS)
        if deposit_due < today and _cents(total * deposit_percent / Decimal(100)) > credited:
            days = (today - deposit_due).days
    if days is None and balance_due < today and total > credited:
        days = (today - balance_due).days
    if days is None:
        return None
    return max((today - balance_due).days, days)


def nothing_owed(order) -> bool:
    return balance(order).settled
