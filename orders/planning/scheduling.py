"""Pure scheduling: planned dates counted backwards, the re-projection of a late plan, and the
production forecast. No database here: the services pass in rows, holidays and today."""

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from orders import workdays
from orders.planning.choices import Anchor, OffsetUnit


def shift_working_days(start: date, days: int, *, holidays: Collection[date] = ()) -> date:
    """`days` working days after (or, when negative, before) `start`; start does not count."""
    if days >= 0:
        return workdays.add_working_days(start, days, holidays=holidays)
    day, remaining = start, -days
    while remaining > 0:
        day -= timedelta(days=1)
        if workdays.is_working_day(day, holidays=holidays):
            remaining -= 1
    return day


def shift(start: date, offset: int, unit: str, *, holidays: Collection[date] = ()) -> date:
    if unit == OffsetUnit.WORKING_DAYS:
        return shift_working_days(start, offset, holidays=holidays)
    return start + timedelta(days=offset)


def planned_date(
    *,
    anchor: str,
    offset: int,
    unit: str,
    order_date: date,
    ex_factory_date: date,
    event_date: date | None = None,
    holidays: Collection[date] = (),
) -> date | None:
    """The milestone's planned date; None for an event-anchored milestone whose event has not
    happened yet."""
    start = {
        Anchor.EX_FACTORY: ex_factory_date,
        Anchor.ORDER_DATE: order_date,
        Anchor.EVENT: event_date,
    }[anchor]
    if start is None:
        return None
    return shift(start, offset, unit, holidays=holidays)


@dataclass
class PlanRow:
    """What the projection needs of a milestone."""

    planned: date | None
    actual: date | None
    critical: bool = True
    is_ex_factory: bool = False
    projected: date | None = None


def project(rows: Sequence[PlanRow], *, today: date) -> int:
    """Fill each row's `projected` date and return the delay (days) carried to the end.

    Walking the critical milestones in planned order, the delay of the latest one moves every
    later one: a milestone done late by n days moves the next ones n days; one still open after
    its planned date cannot happen before today, so it and the next ones move by its lateness.
    A milestone done on time (or early) resets the delay: the factory caught up."""
    slip = 0
    for row in sorted((r for r in rows if r.planned), key=lambda r: r.planned):
        if row.actual:
            row.projected = row.actual
            if row.critical:
                slip = max((row.actual - row.planned).days, 0)
            continue
        projected = row.planned + timedelta(days=slip if row.critical else 0)
        if projected < today:
            projected = today
        row.projected = projected
        if row.critical:
            slip = max((projected - row.planned).days, 0)
    return slip


@dataclass(frozen=True)
class StepFigures:
    """A process step's latest cumulative figures and the first ones, for its rate."""

    first_on: date
    first_done: int
    last_on: date
    last_done: int
    completed: bool


def step_finish(figures: StepFigures, *, total: int) -> date | None:
    """When the step finishes at its current rate (None: finished, or no rate yet)."""
    if figures.completed or figures.last_done >= total:
        return None
    days = (figures.last_on - figures.first_on).days
    done = figures.last_done - figures.first_done
    if days <= 0 or done <= 0:
        # No rate yet, or a stalled step: the R26 sheet shows it; no date can be projected.
        return None
    return figures.last_on + timedelta(days=math.ceil((total - figures.last_done) * days / done))


def projected_ex_factory(
    *, ex_factory_date: date, rows: Sequence[PlanRow], slip: int, production_finish: date | None
) -> date:
    anchor = next((r.projected for r in rows if r.is_ex_factory and r.projected), None)
    projected = anchor or ex_factory_date + timedelta(days=slip)
    if production_finish and production_finish > projected:
        projected = production_finish
    return projected
