"""The one refusal every service raises, in a module of its own that imports none of the models:
what the models import (orders/uploads.py) raises it too. orders.services.common re-exports it."""


class ActionRefused(Exception):
    """The user may not do this, or the order is not ready for it; the message says why."""

    def __init__(self, message, *, details: list | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        return str(self.message)
