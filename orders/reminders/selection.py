"""The daily scan: what is due soon or overdue, for whom, and who hears of it when it stays
overdue. A fixed number of queries, whatever the number of orders."""

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.choices import ACTIVE_STAGES
from orders.models import Milestone, OrderPlan, Team
from orders.planning.choices import MILESTONE_LABELS
from orders.reminders.registry import ReminderItem, reminder_sources
from orders.roles import Role

MILESTONE_FIELDS = (
    "id",
    "order_id",
    "planned_date",
    "code",
    "name",
    "owner_role",
    "order__merchandiser_id",
    "order__po_number",
    "order__style_no",
)


def due_milestones(*, today: date, within_days: int | None = None) -> QuerySet:
    """Open milestones of open orders, planned up to `within_days` from today (the partial
    index milestone_open_due serves the date range)."""
    within = settings.GENDAN_REMINDER_DAYS_AHEAD if within_days is None else within_days
    return (
        Milestone.objects.filter(
            actual_date__isnull=True,
            planned_date__lte=today + timedelta(days=within),
            order__stage__in=ACTIVE_STAGES,
        )
        .order_by()
        .values_list(*MILESTONE_FIELDS)
    )  # unsorted: Meta.ordering would join and sort


def users_by_role(roles: set[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    if roles:
        rows = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=roles)
            .values_list("groups__name", "pk")
        )
        for role, pk in rows:
            found[role].append(pk)
    return found


def collect_milestones(today: date) -> list[ReminderItem]:
    """The plan's milestones: the merchandiser's go to the order's merchandiser, the others
    (QC's inspections...) to everyone with that role."""
    rows = list(due_milestones(today=today))
    role_users = users_by_role({row[5] for row in rows} - {Role.MERCHANDISER})
    items = []
    for _pk, order_id, planned, code, name, role, merchandiser_id, po, style in rows:
        owners = [merchandiser_id] if role == Role.MERCHANDISER else role_users.get(role, [])
        title = name or MILESTONE_LABELS.get(code, code)
        for user_id in owners:
            items.append(
                ReminderItem(
                    user_id=user_id,
                    order_id=order_id,
                    order_label=f"{po} / {style}",
                    title=title,
                    due=planned,
                    source="milestone",
                    overdue_days=max((today - planned).days, 0),
                )
            )
    return items


def collect_orders_at_risk(today: date) -> list[ReminderItem]:
    rows = OrderPlan.objects.filter(at_risk=True, order__stage__in=ACTIVE_STAGES).values_list(
        "order_id",
        "order__merchandiser_id",
        "order__po_number",
        "order__style_no",
        "order__customer_date",
        "projected_ex_factory_date",
    )
    return [
        ReminderItem(
            user_id=merchandiser_id,
            order_id=order_id,
            order_label=f"{po} / {style}",
            title=format_lazy(_("At risk: projected ex-factory {date}"), date=projected),
            due=customer_date,
            source="at_risk",
        )
        for order_id, merchandiser_id, po, style, customer_date, projected in rows
    ]


def managers_of(user_ids: set[int]) -> dict[int, list[int]]:
    """Whom an overdue item escalates to: the head of the person's team, or the department
    managers when the person heads the team or has none."""
    profiles = dict(
        get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "profile__team_id")
    )
    heads = dict(
        Team.objects.filter(pk__in={t for t in profiles.values() if t}).values_list("pk", "head_id")
    )
    department_managers = users_by_role({Role.DEPARTMENT_MANAGER})[Role.DEPARTMENT_MANAGER]
    managers = {}
    for user_id in user_ids:
        head = heads.get(profiles.get(user_id))
        if head and head != user_id:
            managers[user_id] = [head]
        else:
            managers[user_id] = [pk for pk in department_managers if pk != user_id]
    return managers


def collect(today: date) -> dict[int, list[ReminderItem]]:
    """Every person's items of the day, escalations included, from every registered source."""
    items: list[ReminderItem] = []
    for source in reminder_sources().values():
        items.extend(source(today))
    limit = settings.GENDAN_ESCALATE_AFTER_DAYS
    overdue = [item for item in items if item.overdue_days > limit]
    managers = managers_of({item.user_id for item in overdue}) if overdue else {}
    for item in overdue:
        items.extend(item.for_manager(manager) for manager in managers.get(item.user_id, []))
    by_user: dict[int, list[ReminderItem]] = defaultdict(list)
    for item in items:
        by_user[item.user_id].append(item)
    for user_items in by_user.values():
        user_items.sort(key=lambda i: (i.escalated_from_id is not None, i.due, i.order_label))
    return dict(by_user)
