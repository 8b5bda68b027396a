"""Reminder sources. An app registers a callable in its AppConfig.ready():

    register_reminder_source(code="trim_cards", collect=collect_trim_card_checks)

`collect(today)` returns ReminderItems (a person, an order, what, the due date). The scan runs
by state ("what is open and due today"), never "since the last run", so a day missed while the
worker was down is caught up on the next run."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date


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

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days > 0

    def for_manager(self, manager_id: int) -> "ReminderItem":
        return replace(self, user_id=manager_id, escalated_from_id=self.user_id)


_sources: dict[str, Callable[[date], Iterable[ReminderItem]]] = {}


def register_reminder_source(*, code: str, collect: Callable[[date], Iterable[ReminderItem]]):
    _sources[code] = collect
    return collect


def reminder_sources() -> dict[str, Callable[[date], Iterable[ReminderItem]]]:
    return dict(_sources)
