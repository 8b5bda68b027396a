"""The daily scan: what is due soon or overdue, for whom, and who hears of it when it stays
overdue. A fixed number of queries, whatever the number of orders."""

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F, Q, QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from orders.choices import ACTIVE_STAGES
from orders.models import Milestone, OrderPlan, Team
from orders.planning.choices import MILESTONE_LABELS
from orders.reminders.registry import Reach, ReminderItem, reminder_sources, run_source
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


def collect_milestones(today: date, reach: Reach | None = None) -> list[ReminderItem]:
    """The plan's milestones: the merchandiser's go to the order's merchandiser, the others
    (QC's inspections...) to everyone with that role."""
    rows = due_milestones(today=today)
    if reach is not None:
        rows = rows.filter(_milestones_within(reach))
    rows = list(rows)
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


def _milestones_within(reach: Reach) -> Q:
    """The merchandisers' milestones of the people reached (the escalating ones' only once
    overdue past the limit), and the other roles' milestones if anyone reached has the role."""
    mine = Q(owner_role=Role.MERCHANDISER)
    within = mine & Q(order__merchandiser_id__in=reach.own)
    if reach.escalating:
        within |= (
            mine
            & Q(order__merchandiser_id__in=reach.escalating)
            & Q(planned_date__lt=reach.escalates_before)
        )
    roles = set(
        get_user_model()
        .objects.filter(pk__in=reach.people, is_active=True)
        .values_list("groups__name", flat=True)
    ) - {Role.MERCHANDISER, None}
    if roles:
        within |= Q(owner_role__in=roles)
    return within


def collect_orders_at_risk(today: date, reach: Reach | None = None) -> list[ReminderItem]:
    plans = OrderPlan.objects.filter(at_risk=True, order__stage__in=ACTIVE_STAGES)
    if reach is not None:  # never overdue, so never escalated
        plans = plans.filter(order__merchandiser_id__in=reach.own)
    rows = plans.values_list(
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


def collect(today: date, reach: Reach | None = None) -> dict[int, list[ReminderItem]]:
    """Every person's items of the day, escalations included, from every registered source;
    with `reach`, at least the items of the people reached (see for_user)."""
    items: list[ReminderItem] = []
    for code in reminder_sources():
        items.extend(run_source(code, today, reach))
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


def escalating_to(user_id: int) -> set[int]:
    """The people whose overdue items escalate to this person (managers_of, the other way):
    the members of the teams they head; for a department manager also everyone who heads
    their own team or has no team head."""
    people = get_user_model().objects.exclude(pk=user_id)
    found = Q(profile__team__head_id=user_id)
    if user_id in users_by_role({Role.DEPARTMENT_MANAGER}).get(Role.DEPARTMENT_MANAGER, []):
        found |= (
            Q(profile__isnull=True)
            | Q(profile__team__isnull=True)
            | Q(profile__team__head__isnull=True)
            | Q(profile__team__head_id=F("pk"))
        )
    return set(people.filter(found).values_list("pk", flat=True))


def for_user(user_id: int, today: date) -> list[ReminderItem]:
    """One person's items of the day (their reminders page): the scan reaches their own rows
    and those of the people who escalate to them, not the whole company's."""
    limit = settings.GENDAN_ESCALATE_AFTER_DAYS
    reach = Reach(
        own=frozenset({user_id}),
        escalating=frozenset(escalating_to(user_id)),
        escalates_before=today - timedelta(days=limit),
    )
    return collect(today, reach).get(user_id, [])
