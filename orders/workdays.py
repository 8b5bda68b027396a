"""Working-day arithmetic: weekends and the given holidays do not count.

Pure functions; the caller passes the holidays (suppliers.calendar reads them from its
Holiday table), so any app can use this without a dependency on where holidays live."""

from collections.abc import Collection
from datetime import date, timedelta

SATURDAY = 5


def is_working_day(day: date, *, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def add_working_days(start: date, days: int, *, holidays: Collection[date] = ()) -> date:
    """The date `days` working days after `start` (start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays=holidays):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, *, holidays: Collection[date] = ()) -> int:
    """Working days after `start` up to and including `end` (negative when end is earlier)."""
    if end < start:
        return -working_days_between(end, start, holidays=holidays)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(days=offset), holidays=holidays)
    )
