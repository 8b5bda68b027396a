"""Demo data for `manage.py seed_demo`: a Hong Kong trading office, its overseas customers and
mainland factories, and about fifty orders walked to every stage through the services."""

from orders.demo import (  # noqa: F401  (register orders' own demo steps)
    change_steps,
    steps,
)
from orders.demo.data import DEMO_LOGINS, DEMO_PASSWORD, SUPERUSER
from orders.demo.office import DemoOffice, seed_demo

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "SUPERUSER", "DemoOffice", "seed_demo"]
