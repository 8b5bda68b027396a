"""Pieces every app's models share, written once."""

from typing import ClassVar

from django.conf import settings
from django.db import models


def user_fk(verbose_name, **kwargs):
    """Who did a step: kept even if the user leaves (PROTECT), no reverse accessor."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=verbose_name,
        **kwargs,
    )


class StatusBadge:
    """A model whose `status` shows as a coloured badge (templates/includes/badge.html). It names
    its colours once, beside its states in its choices module; a status without one is grey."""

    status_colours: ClassVar[dict[str, str]] = {}

    @property
    def status_colour(self) -> str:
        return self.status_colours.get(self.status, "grey")
