"""Demo data for `manage.py seed_demo`: a Hong Kong trading office, its overseas customers and
mainland factories, and about fifty orders walked to every stage through the services."""

from orders.demo import steps  # noqa: F401  (registers orders' own demo step)
from orders.demo.data import DEMO_LOGINS, DEMO_PASSWORD, SUPERUSER
from orders.demo.office import DemoOffice, seed_demo

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "SUPERUSER", "DemoOffice", "seed_demo"]
