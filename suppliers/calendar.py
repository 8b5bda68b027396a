"""The office calendar: working days from orders.workdays, holidays from the Holiday table."""

from datetime import date, timedelta

from orders import workdays
from orders.models import Holiday

# R1: the merchandiser checks a trim card within three working days.
TRIM_CARD_REVIEW_DAYS = 3


def holidays_between(start: date, end: date) -> set[date]:
    return set(
        Holiday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True)
    )


def add_working_days(start: date, days: int) -> date:
    # Weekends alone stretch n working days to at most n + 2 * (n // 5 + 1) calendar days;
    # the window grows while holidays push the answer further.
    window = days * 2 + 7
    while True:
        holidays = holidays_between(start, start + timedelta(days=window))
        answer = workdays.add_working_days(start, days, holidays=holidays)
        if answer <= start + timedelta(days=window):
            return answer
        window *= 2


def trim_card_deadline(received_on: date) -> date:
    return add_working_days(received_on, TRIM_CARD_REVIEW_DAYS)
