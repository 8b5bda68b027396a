"""What other apps contribute to a change request, registered in their AppConfig.ready() like the
gates: orders/ never imports them.

    register_change_contributor(
        code="suppliers",
        fields=trim_fields,       # order -> [ChangeField]: data kept in the app, changeable
        impact=materials_impact,  # ChangeContext -> [Impact]: what the change touches there
        apply=apply_materials,    # ChangeContext -> None: the app's part, same transaction
        floors=None,              # order -> [QuantityFloor]: what a line may not go below (R14)
    )

Every callable is optional. `apply` runs inside the transaction that applies the change, after the
order's own data and lines were written: raising ActionRefused there rolls everything back."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from orders.changes.choices import ImpactArea


@dataclass(frozen=True)
class ChangeField:
    """A piece of style data another app keeps (a trim, the shipping marks) that a change request
    may change; the app's `apply` writes the new value where it lives."""

    key: str  # unique across apps, e.g. "shipping.marks.main"
    label: Any  # a lazy translated string
    aspect: str  # orders.changes.choices.Aspect
    value: str
    multiline: bool = False
    choices: tuple = ()  # ((value, label), ...): the form offers these, the diff shows labels
    # value -> None, raising ActionRefused with a translated reason when the value is not valid
    # (checked when a request is raised or edited, before anything is stored).
    check: Callable[[str], None] | None = None

    def shown(self, value: str) -> str:
        if not value:
            return "—"
        return str(dict(self.choices).get(value, value)) if self.choices else value


@dataclass(frozen=True)
class Impact:
    area: str  # orders.changes.choices.ImpactArea
    text: Any  # what the change touches (translated when shown)
    who: Any  # who must act
    # What the factory's change notice says of it. Money lines are the customer's business: they
    # reach the notice only through this text (e.g. "production waits for the deposit").
    factory_text: Any = None

    def for_factory(self) -> "Impact | None":
        """This line as the factory's notice shows it, or None when it is not the factory's."""

        if self.factory_text is not None:
            return Impact(self.area, self.factory_text, self.who)
        return None if self.area == ImpactArea.MONEY else self

    @property
    def area_label(self):
        return ImpactArea(self.area).label


@dataclass(frozen=True)
class QuantityFloor:
    """R14: a quantity already produced or shipped; line_id None means the whole order."""

    line_id: int | None
    quantity: int
    reason: Any


@dataclass
class ChangeContext:
    """What contributors get: the order (before the change when reporting its impact, after it
    when applying), the request, its diff and, when applying, who applies it."""

    order: Any
    change: Any
    diff: Any
    user: Any = None
    extra: dict = field(default_factory=dict)  # the proposed values of the contributed fields


@dataclass(frozen=True)
class ChangeContributor:
    code: str
    fields: Callable[[Any], list[ChangeField]] | None = None
    impact: Callable[[ChangeContext], list[Impact]] | None = None
    apply: Callable[[ChangeContext], None] | None = None
    floors: Callable[[Any], list[QuantityFloor]] | None = None
    order: int = 100


_contributors: dict[str, ChangeContributor] = {}


def register_change_contributor(
    *,
    code: str,
    fields: Callable | None = None,
    impact: Callable | None = None,
    apply: Callable | None = None,
    floors: Callable | None = None,
    order: int = 100,
) -> ChangeContributor:
    contributor = ChangeContributor(code, fields, impact, apply, floors, order)
    _contributors[code] = contributor
    return contributor


def unregister_change_contributor(code: str) -> None:
    _contributors.pop(code, None)


def change_contributors() -> list[ChangeContributor]:
    return sorted(_contributors.values(), key=lambda c: (c.order, c.code))


def contributed_fields(order) -> list[ChangeField]:
    return [item for c in change_contributors() if c.fields for item in c.fields(order)]


def impacts(context: ChangeContext) -> list[Impact]:
    return [item for c in change_contributors() if c.impact for item in c.impact(context)]


def quantity_floors(order) -> list[QuantityFloor]:
    return [item for c in change_contributors() if c.floors for item in c.floors(order)]


def apply_contributions(context: ChangeContext) -> None:
    for contributor in change_contributors():
        if contributor.apply:
            contributor.apply(context)
