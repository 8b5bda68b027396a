"""The office calendar: holidays from orders.Holiday, loaded once per computation."""

from datetime import date, timedelta

from orders.models import Holiday

# A plan reaches this far around its dates (ETD after ex-factory, R13 after the order date).
MARGIN = timedelta(days=120)


def holidays_between(start: date, end: date) -> set[date]:
    return set(
        Holiday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True)
    )


def holidays_around(*dates: date) -> set[date]:
    return holidays_between(min(dates) - MARGIN, max(dates) + MARGIN)
