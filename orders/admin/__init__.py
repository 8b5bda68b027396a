"""The manager's Django admin. The workflow itself goes through orders.services: the admin only
shows orders and offers the buttons that call those services."""

from orders.admin import (  # noqa: F401  registers the model admins
    changes,
    company,
    imports,
    order,
    outbox,
    parties,
    planning,
    users,
)
