"""Timeline action codes are constants declared once per app beside their labels: a code written
in a service and the code a plan template names are the same, so a milestone never waits for a
misspelt event."""

import re
from pathlib import Path

from complaints.choices import ComplaintEvent
from orders.changes.choices import ChangeEvent
from orders.choices import FeedbackEvent, MemoEvent, RepeatEvent
from orders.credit.choices import CreditEvent
from orders.intake.choices import IntakeEvent
from orders.planning.choices import CommodityInspectionEvent, PlanEvent
from orders.timeline import action_label, known_actions
from samples.choices import SampleEvent
from shipping.choices import ShippingEvent
from suppliers.choices import SupplierEvent

ROOT = Path(__file__).resolve().parents[1]
EVENTS = [
    ComplaintEvent,
    ChangeEvent,
    CreditEvent,
    FeedbackEvent,
    IntakeEvent,
    MemoEvent,
    RepeatEvent,
    PlanEvent,
    CommodityInspectionEvent,
    SampleEvent,
    ShippingEvent,
    SupplierEvent,
]


def test_every_declared_event_code_is_registered_with_its_label():
    for events in EVENTS:
        for code in events:
            assert code.value in known_actions(), code
            assert str(action_label(code.value)) == str(code.label)


def test_no_code_is_declared_twice():
    values = [code.value for events in EVENTS for code in events]
    assert len(values) == len(set(values))


def test_services_record_events_by_constant_not_by_bare_string():
    bare = re.compile(r'\baction="(?!store_)[a-z_]+"')  # argparse's store_true is no event
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in ("orders", "suppliers", "samples", "shipping", "complaints")
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line)
    ]
    assert found == []
