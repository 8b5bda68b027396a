"""R1's working-day calendar: weekends and configured holidays do not count."""

from datetime import date

import pytest

from orders.workdays import add_working_days, working_days_between
from suppliers.calendar import trim_card_deadline
from suppliers.models import Holiday

FRIDAY = date(2026, 1, 9)
MONDAY = date(2026, 1, 12)


def test_add_working_days_skips_the_weekend():
    assert add_working_days(FRIDAY, 3) == date(2026, 1, 14)  # Mon, Tue, Wed
    assert add_working_days(MONDAY, 3) == date(2026, 1, 15)


def test_add_working_days_skips_holidays():
    assert add_working_days(FRIDAY, 3, holidays={MONDAY}) == date(2026, 1, 15)


def test_working_days_between_counts_only_working_days():
    assert working_days_between(FRIDAY, date(2026, 1, 14)) == 3
    assert working_days_between(date(2026, 1, 14), FRIDAY) == -3


@pytest.mark.django_db
def test_r1_deadline_is_three_working_days_over_a_weekend():
    assert trim_card_deadline(FRIDAY) == date(2026, 1, 14)


@pytest.mark.django_db
def test_r1_deadline_moves_past_a_configured_holiday():
    Holiday.objects.create(date=MONDAY, name="Bank holiday")
    Holiday.objects.create(date=date(2026, 1, 13), name="Second day")
    assert trim_card_deadline(FRIDAY) == date(2026, 1, 16)


@pytest.mark.django_db
def test_r1_deadline_over_a_long_holiday_run():
    for day in range(12, 31):
        Holiday.objects.create(date=date(2026, 1, day), name="Closed")
    assert trim_card_deadline(FRIDAY) == date(2026, 2, 4)
