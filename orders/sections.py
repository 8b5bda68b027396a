"""Sections of the order page that other apps contribute (samples, materials, shipping...).

An app registers a section in its AppConfig.ready(); the order page renders every registered
section in `order` order, so orders/ never imports the app that owns it. A section names the
stages in which it matters (`stages`); the page shows those first and open, the rest folded,
one click away."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OrderSection:
    code: str
    title: object  # a lazy translated string
    template: str  # rendered with the order page's context plus `section` = context(order, user)
    context: Callable[..., dict]
    order: int = 100
    stages: frozenset = frozenset()  # empty: it matters in every stage
    # order -> bool: False leaves the section off the page (e.g. repeat orders on an order that
    # is neither a repeat nor repeatable yet); None shows it on every order.
    shown_for: Callable[..., bool] | None = None

    def matters_in(self, stage: str) -> bool:
        return not self.stages or stage in self.stages

    def shown(self, order) -> bool:
        return self.shown_for is None or self.shown_for(order)


_sections: dict[str, OrderSection] = {}


def register_section(
    *,
    code: str,
    title,
    template: str,
    context: Callable[..., dict],
    order: int = 100,
    stages=(),
    shown_for: Callable[..., bool] | None = None,
) -> OrderSection:
    section = OrderSection(code, title, template, context, order, frozenset(stages), shown_for)
    _sections[code] = section
    return section


def sections() -> list[OrderSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.code))


@dataclass(frozen=True)
class HomePanel:
    code: str
    title: object
    template: str  # rendered with `panel` = context(user)
    context: Callable[..., dict]
    order: int = 100


_home_panels: dict[str, HomePanel] = {}


def register_home_panel(
    *, code: str, title, template: str, context: Callable[..., dict], order: int = 100
) -> HomePanel:
    """A block of the merchandiser's home page contributed by another app (e.g. complaints)."""
    panel = HomePanel(code, title, template, context, order)
    _home_panels[code] = panel
    return panel


def home_panels() -> list[HomePanel]:
    return sorted(_home_panels.values(), key=lambda p: (p.order, p.code))
