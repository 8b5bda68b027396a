"""The roles of the office: each is a Django group; permissions follow from membership."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MERCHANDISER = "merchandiser", _("Merchandiser")
    DEPARTMENT_MANAGER = "department_manager", _("Department manager")
    GENERAL_MANAGER = "general_manager", _("General manager")
    # R18: approves special prices with the general manager (副總經理).
    DEPUTY_GENERAL_MANAGER = "deputy_gm", _("Deputy general manager")
    ADMINISTRATION = "administration", _("Administration")
    FINANCE = "finance", _("Finance")
    QC = "qc", _("QC")
    WAREHOUSE = "warehouse", _("Warehouse")
    # R13: production and material control confirms capacity and replies the delivery date.
    PMC = "pmc", _("Planner / PMC")


# Roles that see every order, not only their team's.
SEES_ALL_ORDERS = (
    Role.DEPARTMENT_MANAGER,
    Role.GENERAL_MANAGER,
    Role.DEPUTY_GENERAL_MANAGER,
    Role.ADMINISTRATION,
    Role.FINANCE,
)


def roles_of(user) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_gendan_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._gendan_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return bool(roles_of(user) & set(roles))
