"""Reads: each selector does its own joins so a page's query count does not grow with its rows."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from orders.models import Order
from orders.visibility import visible_orders
from suppliers import rules
from suppliers.choices import Decision, LabResult, TrimCardStatus
from suppliers.models import (
    FabricBooking,
    Factory,
    LabDip,
    LabTest,
    Supplier,
    Trim,
    TrimCard,
)
from suppliers.permissions import can_manage_materials, can_record_lab_results, can_sign_booking


@dataclass
class MaterialRow:
    kind: str
    name: str
    obj: object
    status: str
    missing: list[str] = field(default_factory=list)
    short: bool = False


@dataclass
class Materials:
    order: object
    bookings: list
    lab_dips: list
    trims: list
    cards: list
    rows: list[MaterialRow]
    colourways_missing: list[str]
    may_manage: bool
    may_sign: bool
    may_record_results: bool
    pending_card: object = None


def order_with_materials(order):
    """Load the order's materials in a fixed number of queries."""

    return (
        Order.objects.select_related("team", "customer", "factory")
        .prefetch_related(
            "lines",
            Prefetch(
                "fabric_bookings",
                queryset=FabricBooking.objects.select_related(
                    "supplier", "contact", "signed_by"
                ).prefetch_related("bulk_submissions", "lab_tests__items", "lab_tests__lab"),
            ),
            Prefetch("lab_dips", queryset=LabDip.objects.prefetch_related("submissions")),
            Prefetch(
                "trims",
                queryset=Trim.objects.select_related("supplier", "contact", "season_trim"),
            ),
            "trim_cards",
        )
        .get(pk=order.pk)
    )


def _booking_missing(booking) -> list[str]:
    missing = []
    if not booking.is_signed:
        missing.append(_("signature of the group head (R2)"))
    elif booking.sent_at is None:
        missing.append(_("sending to the factory"))
    if not rules.bulk_fabric_approved_for(booking):
        missing.append(_("approved bulk swatch"))
    if booking.tests_required:
        result = rules.latest_test_result(booking)
        if result == LabResult.FAILED:
            missing.append(_("a passing lab test: the last one FAILED (R3)"))
        elif result != LabResult.PASSED:
            missing.append(_("lab test result (R3)"))
    return missing


def fabric_status(booking) -> str:
    """The booking sheet's own state and the mill order's, told apart: "Not ordered" alone
    read as "not booked" under a booking already signed and sent."""
    if booking.sent_at:
        sheet = _("Booking sent to the factory")
    elif booking.is_signed:
        sheet = _("Booking signed")
    else:
        sheet = _("Booking not signed yet (R2)")
    return _("%(sheet)s · fabric from the mill: %(procurement)s") % {
        "sheet": sheet,
        "procurement": booking.get_procurement_status_display(),
    }


def materials(order, user) -> Materials:
    order = order_with_materials(order)
    rows: list[MaterialRow] = []
    bookings = list(order.fabric_bookings.all())
    for booking in bookings:
        missing = _booking_missing(booking)
        rows.append(
            MaterialRow(
                _("Fabric"),
                booking.fabric_name,
                booking,
                fabric_status(booking),
                missing,
                booking.is_short,
            )
        )
    colours_missing = []
    for colour in rules.colourways(order):
        dip = rules.lab_dip_of(order, colour)
        latest = dip.latest() if dip else None
        if latest is None:
            status, missing = _("not submitted"), [_("lab dip")]
        else:
            status = f"#{latest.round} {latest.get_decision_display()}"
            missing = [] if latest.decision == Decision.APPROVED else [_("approval")]
        if missing:
            colours_missing.append(colour)
        rows.append(MaterialRow(_("Colour"), colour, dip, status, missing))
    trims = list(order.trims.all())
    for trim in trims:
        missing = [str(Trim._meta.get_field(n).verbose_name) for n in trim.missing_fields()]
        if not trim.is_in_house:
            missing.append(_("in-house"))
        rows.append(
            MaterialRow(
                _("Trim"),
                trim.description,
                trim,
                trim.get_procurement_status_display(),
                missing,
                trim.is_short,
            )
        )
    cards = sorted(order.trim_cards.all(), key=lambda card: card.round)
    pending = next((c for c in cards if c.status == TrimCardStatus.SUBMITTED), None)
    return Materials(
        order=order,
        bookings=bookings,
        lab_dips=list(order.lab_dips.all()),
        trims=trims,
        cards=cards,
        rows=rows,
        colourways_missing=colours_missing,
        may_manage=can_manage_materials(order, user),
        may_sign=can_sign_booking(order, user),
        may_record_results=can_record_lab_results(order, user),
        pending_card=pending,
    )


def trim_cards_waiting(user) -> QuerySet[TrimCard]:
    """Every trim card waiting for review on the user's orders, soonest deadline first (R1)."""
    cards = TrimCard.objects.filter(status=TrimCardStatus.SUBMITTED)
    orders = visible_orders(user)
    if orders.query.has_filters():
        # Who sees every order needs no test of the order (every card has one): the test was a
        # semi-join of all orders that the planner weighed among the list's six tables.
        cards = cards.filter(order__in=orders.values("pk"))
    return cards.select_related(
        "order__customer", "order__factory", "order__merchandiser"
    ).order_by("review_deadline", "received_on", "pk")


def suppliers_list(*, kind: str = "") -> QuerySet[Supplier]:
    queryset = Supplier.objects.prefetch_related("contacts")
    return queryset.filter(kind=kind) if kind else queryset


def supplier_orders(supplier: Supplier, user):
    """The orders a supplier is on: through its fabric, trims or lab tests."""
    return (
        visible_orders(user)
        .filter(
            Q(fabric_bookings__supplier=supplier)
            | Q(trims__supplier=supplier)
            | Q(fabric_bookings__lab_tests__lab=supplier)
        )
        .distinct()
        .select_related("customer", "factory")
    )


def factory_orders(factory: Factory, user):
    return visible_orders(user).filter(factory=factory).select_related("customer")


def lab_tests_of(supplier: Supplier) -> QuerySet[LabTest]:
    return supplier.lab_tests.select_related("booking__order").order_by("-sent_on")
