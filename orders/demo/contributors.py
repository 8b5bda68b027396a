"""Demo steps other apps contribute to seed_demo, so the demo shows their part of each order
while orders/ never imports them: each app's `demo.py` calls `register_demo_step`, and
seed_demo finds those modules by name at run time."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.module_loading import autodiscover_modules


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
