"""Demo steps other apps contribute to seed_demo, so the demo shows their part of each order
while orders/ never imports them: each app's `demo.py` calls `register_demo_step`, and
seed_demo finds those modules by name at run time."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.module_loading import autodiscover_modules

from orders.gates import gate_statuses


@dataclass(frozen=True)
class DemoOrder:
    """A freshly walked demo order and where it sits in the demo plan."""

    order: object
    users: dict  # username -> user
    stage: str  # the stage the plan walked it to (on hold / cancelled included)
    variant: str
    nth: int  # its index among the plan's orders of the same stage, so steps pick "the first"
    today: date


DemoStep = Callable[[DemoOrder], None]

_steps: dict[str, DemoStep] = {}


def register_demo_step(name: str, step: DemoStep) -> DemoStep:
    """Keyed by name, so importing a demo module twice registers its step once."""
    _steps[name] = step
    return step


def demo_steps() -> list[DemoStep]:
    autodiscover_modules("demo")
    return list(_steps.values())


# ---- gate walks: what a user would do to meet each gate --------------------------------------
# Each app's demo.py registers, for its gates, the walk through its own services; seed_demo and
# the tests walk an order on without importing that app. Kept out of the gates (orders.gates),
# which production reads.

GateWalk = Callable[[object], None]

_walks: dict[tuple[str, str], GateWalk] = {}


def register_gate_walk(transition: str, code: str, walk: GateWalk) -> GateWalk:
    _walks[(transition, code)] = walk
    return walk


def satisfy_gates(order, transition: str, *, leave: tuple[str, ...] = ()) -> None:
    """Meet every unmet gate of `transition` that has a walk, but those named in `leave`
    (demo data and tests)."""
    autodiscover_modules("demo")
    for status in gate_statuses(order, transition):
        walk = _walks.get((transition, status.gate.code))
        if not status.met and walk is not None and status.gate.code not in leave:
            walk(order)
