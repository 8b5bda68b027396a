"""The sheets linked from the order list. Other apps register theirs (in AppConfig.ready()), so
the order list links to the export tracking sheet or the complaints without orders/ knowing
those apps."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Sheet:
    code: str
    title: object
    url_name: str
    # Lists of orders read the order list's filters; other lists start unfiltered.
    order_filters: bool = False
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_sheets: dict[str, Sheet] = {}


def register_sheet(*, code: str, title, url_name: str, order_filters=False, order=100) -> None:
    _sheets[code] = Sheet(code, title, url_name, order_filters, order)


def sheets() -> list[Sheet]:
    return sorted(_sheets.values(), key=lambda sheet: sheet.order)


register_sheet(
    code="progress",
    title=_("Order progress sheet"),
    url_name="orders:progress_sheet",
    order_filters=True,
    order=10,
)
register_sheet(
    code="plans",
    title=_("Time-and-action plans"),
    url_name="orders:plans",
    order_filters=True,
    order=20,
)
register_sheet(
    code="plan_board",
    title=_("Plan board"),
    url_name="orders:plan_board",
    order_filters=True,
    order=25,
)
