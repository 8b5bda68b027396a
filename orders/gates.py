"""Gates: the conditions a transition waits for.

orders/ registers its own gates (contract check, approvals, payment); other apps register theirs
in their AppConfig.ready(), so orders/ never imports them. A transition's condition is
`gates_met(name)`, and the order page lists `gate_statuses(order, name)`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Gate:
    transition: str
    code: str
    label: Promise | str
    cleared_by: Promise | str
    check: Callable[..., bool]
    # When given, the gate applies to this order only if applies(order) is true.
    applies: Callable[..., bool] | None = None


@dataclass(frozen=True)
class GateStatus:
    gate: Gate
    met: bool

    @property
    def label(self):
        return self.gate.label

    @property
    def cleared_by(self):
        return self.gate.cleared_by


_registry: dict[str, dict[str, Gate]] = {}


def register_gate(
    *,
    transition: str,
    code: str,
    label,
    cleared_by,
    check: Callable[..., bool],
    applies: Callable[..., bool] | None = None,
) -> Gate:
    gate = Gate(transition, code, label, cleared_by, check, applies)
    _registry.setdefault(transition, {})[code] = gate
    return gate


def gates_of(transition: str) -> list[Gate]:
    return list(_registry.get(transition, {}).values())


def gate_statuses(order, transition: str) -> list[GateStatus]:
    return [
        GateStatus(gate, bool(gate.check(order)))
        for gate in gates_of(transition)
        if gate.applies is None or gate.applies(order)
    ]


def gates_met(transition: str) -> Callable[..., bool]:
    """The django-fsm condition for a transition: every applicable registered gate is met."""

    def condition(order) -> bool:
        return all(status.met for status in gate_statuses(order, transition))

    condition.__name__ = f"{transition}_gates_met"
    return condition
