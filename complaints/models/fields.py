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
