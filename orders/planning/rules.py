"""Rules of the planning concepts, one named function each."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from orders.planning.choices import Party

T = TypeVar("T")

CREDIT_CLASS_RANK = {"A": 0, "B": 1, "C": 2}


def r6_consenting_party(requested_by: str) -> str:
    """R6 delivery-date changes: a change one side asks for takes effect only with the other
    side's consent — the factory's delay or early shipment needs the customer, the customer's
    new date needs the factory."""
    return {Party.FACTORY: Party.CUSTOMER, Party.CUSTOMER: Party.FACTORY}[requested_by]


def r19_priority(
    *, due: date, credit_class: str, quantity: int, lines: int, order_id: int
) -> tuple:
    """R19 scheduling priorities: the earlier due date first; then the customer's class (A
    before B before C); then capacity balance — the larger quantity first, since it needs the
    most factory capacity booked early; then process complexity — more colours/lines first.
    The order id keeps equal items in a stable order."""
    return (
        due,
        CREDIT_CLASS_RANK.get(credit_class, len(CREDIT_CLASS_RANK)),
        -(quantity or 0),
        -(lines or 0),
        order_id,
    )


def r19_sorted(items: Iterable[T], *, key) -> list[T]:
    """Sort anything by R19: `key(item)` returns r19_priority(...)'s keyword arguments."""
    return sorted(items, key=lambda item: r19_priority(**key(item)))


# ---- milestones another rule holds back ---------------------------------------------------------


@dataclass(frozen=True)
class MilestoneCondition:
    """What must hold before a milestone may be marked done by hand (its own event, when it
    comes, already implies it): e.g. R13, the written reply to the customer only once PMC has
    replied the date it gives."""

    holds: Callable[..., bool]  # order -> bool
    refusal: object  # the translated sentence the user reads, naming the rule


_milestone_conditions: dict[str, list[MilestoneCondition]] = {}


def register_milestone_condition(*, code: str, holds: Callable[..., bool], refusal) -> None:
    """Apps hold back a milestone of their concern here (in their AppConfig.ready()), so the
    plan never imports them."""
    _milestone_conditions.setdefault(code, []).append(MilestoneCondition(holds, refusal))


def milestone_refusals(order, code: str) -> list[str]:
    """Why the milestone `code` of this order may not be marked done by hand now (empty: it may)."""
    return [
        str(condition.refusal)
        for condition in _milestone_conditions.get(code, ())
        if not condition.holds(order)
    ]
