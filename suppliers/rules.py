"""The materials rules (R1, R2, R3) as small named checks; the gates and the order page read them.

An order with nothing recorded is not ready: every order needs at least one fabric booking and
at least one trim, and a colour standard for every colourway of its lines. An order whose every
trim is covered by a season-wide approval needs no trim card."""

from django.utils.translation import gettext_lazy

from orders.lifecycle import rule
from suppliers.choices import CustomerDecisionReason, Decider, Decision, LabResult, TrimCardStatus


def colourways(order) -> list[str]:
    seen: dict[str, None] = {}
    for line in order.lines.all():
        seen.setdefault(line.colour.strip(), None)
    return [colour for colour in seen if colour]


def _latest(items, key: str = "round"):
    items = list(items)
    return max(items, key=lambda item: getattr(item, key)) if items else None


# ---- R2: fabric booking signed by the group head -----------------------------------------


def fabric_bookings(order) -> list:
    return list(order.fabric_bookings.all())


def fabric_bookings_signed(order) -> bool:
    bookings = fabric_bookings(order)
    return bool(bookings) and all(booking.is_signed for booking in bookings)


# ---- a lab dip's or a bulk swatch's decision (R2) -----------------------------------------


@rule(gettext_lazy("Say who decided: the merchandiser or the customer."))
def r2_decider_named(submission) -> bool:
    """R2: the merchandiser decides, or the customer."""
    return submission.decided_by_party in Decider.values


@rule(
    gettext_lazy(
        "Say why the customer decided: it asked to, or we could not agree with the factory."
    )
)
def r2_customer_reason_given(submission) -> bool:
    """R2: the customer decides when it asks to, or when we and the factory cannot agree."""
    return (
        submission.decided_by_party != Decider.CUSTOMER
        or submission.customer_reason in CustomerDecisionReason.values
    )


@rule(gettext_lazy("Please give the comments for the factory."))
def rejection_has_comments(submission) -> bool:
    """A rejected round tells the factory what to change."""
    return bool(submission.comments)


# ---- colour standards per colourway ------------------------------------------------------


def lab_dip_of(order, colourway: str):
    return next((dip for dip in order.lab_dips.all() if dip.colourway == colourway), None)


def colourway_approved(order, colourway: str) -> bool:
    dip = lab_dip_of(order, colourway)
    latest = _latest(dip.submissions.all()) if dip else None
    return latest is not None and latest.decision == Decision.APPROVED


def colour_standards_approved(order) -> bool:
    ways = colourways(order)
    return bool(ways) and all(colourway_approved(order, colour) for colour in ways)


# ---- bulk fabric (R2) and its tests (R3) ---------------------------------------------------


def bulk_fabric_approved_for(booking) -> bool:
    latest = _latest(booking.bulk_submissions.all())
    return latest is not None and latest.decision == Decision.APPROVED


def bulk_fabric_approved(order) -> bool:
    bookings = fabric_bookings(order)
    return bool(bookings) and all(bulk_fabric_approved_for(booking) for booking in bookings)


def tests_required(order) -> bool:
    return any(booking.tests_required for booking in fabric_bookings(order))


def latest_test_result(booking) -> str | None:
    latest = _latest(booking.lab_tests.all(), key="id")
    return latest.result if latest else None


def lab_tests_passed(order) -> bool:
    """R3: every fabric the customer wants tested passed its latest test at an approved lab;
    a failing result holds the gate until a new test passes."""
    return all(
        latest_test_result(booking) == LabResult.PASSED
        for booking in fabric_bookings(order)
        if booking.tests_required
    )


def lab_test_failed(order) -> bool:
    return any(
        latest_test_result(booking) == LabResult.FAILED
        for booking in fabric_bookings(order)
        if booking.tests_required
    )


# ---- R1: trims and the trim card ------------------------------------------------------------


def trims(order) -> list:
    return list(order.trims.all())


def trims_on_card(order) -> list:
    """The trims the factory's trim card must show: all but those approved for the season."""
    return [trim for trim in trims(order) if not trim.season_approved]


def latest_trim_card(order):
    return _latest(order.trim_cards.all())


def trim_card_approved(order) -> bool:
    all_trims = trims(order)
    if not all_trims:
        return False
    if not trims_on_card(order):
        return True
    card = latest_trim_card(order)
    return card is not None and card.status == TrimCardStatus.APPROVED
