"""Walking the statements demo's own orders the way the demo office walks its orders."""

from datetime import date, datetime, time

from django.utils import timezone

from orders.demo.contributors import DemoOrder
from orders.demo.office import DemoOffice


def on_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def walk(demo: DemoOrder, order, stage: str) -> None:
    office = DemoOffice(log=lambda message: None)
    office.users, office.today = demo.users, demo.today
    office.walk_to(order, stage)
