"""Reminder sources. An app registers a callable in its AppConfig.ready():

    register_reminder_source(code="trim_cards", collect=collect_trim_card_checks)

`collect(today)` returns ReminderItems (a person, an order, what, the due date). The scan runs
by state ("what is open and due today"), never "since the last run", so a day missed while the
worker was down is caught up on the next run. A source that scans many rows also takes
`reach` (a Reach, or None for everybody) and may leave out the items of anyone outside it: one
person's reminders page then reads that person's rows, not the whole company's."""

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from django.urls import reverse


@dataclass(frozen=True)
class ReminderItem:
    user_id: int
    order_id: int
    order_label: str
    title: object  # a lazy translated string: rendered in the reader's language
    due: date
    source: str
    overdue_days: int = 0
    # Set on the copy sent to a manager: whose item it is.
    escalated_from_id: int | None = None
    # Where the item is dealt with when it is not the order's page (e.g. a customer statement,
    # which belongs to no single order): a path of the site.
    path: str = ""

    @property
    def href(self) -> str:
        return self.path or reverse("orders:detail", args=[self.order_id])

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days > 0

    def for_manager(self, manager_id: int) -> "ReminderItem":
        return replace(self, user_id=manager_id, escalated_from_id=self.user_id)


@dataclass(frozen=True)
class Reach:
    """Whose items one reader's list needs: the reader's own (`own`), and the items of the people
    whose overdue items escalate to the reader (`escalating`), due before `escalates_before`."""

    own: frozenset[int]
    escalating: frozenset[int]
    escalates_before: date

    @property
    def people(self) -> frozenset[int]:
        return self.own | self.escalating


_sources: dict[str, Callable[..., Iterable[ReminderItem]]] = {}
_takes_reach: set[str] = set()


def register_reminder_source(*, code: str, collect: Callable[..., Iterable[ReminderItem]]):
    _sources[code] = collect
    _takes_reach.discard(code)
    if "reach" in inspect.signature(collect).parameters:
        _takes_reach.add(code)
    return collect


def run_source(code: str, today: date, reach: Reach | None) -> Iterable[ReminderItem]:
    if code in _takes_reach:
        return _sources[code](today, reach=reach)
    return _sources[code](today)


def reminder_sources() -> dict[str, Callable[..., Iterable[ReminderItem]]]:
    return dict(_sources)
