"""How the demo office is built: people and parties first, then each order walked through the
services to its stage, so each timeline is the one real users would leave. Idempotent: what
already exists is left alone."""

import contextlib
import dataclasses
import logging
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal

from celery import current_app as celery_app  # the project's app (config/celery.py)
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from orders import rules
from orders.choices import (
    Clearance,
    Decision,
    Incoterm,
    Language,
    PaymentTerms,
    Stage,
)
from orders.demo.company import seed_company
from orders.demo.contributors import DemoOrder, demo_steps, satisfy_gates
from orders.demo.data import (
    CANCEL_REASON,
    COLOURS,
    CUSTOMERS,
    DEMO_PASSWORD,
    DEMO_USERS,
    FACTORIES,
    HOLD_REASONS,
    PLAN,
    REJECTION_REASONS,
    STAGE_DATES,
    STYLES,
    SUPERUSER,
    TEAMS,
)
from orders.demo.plans import date_the_plan, plan_older_orders
from orders.models import (
    Approval,
    Customer,
    CustomerContact,
    Order,
    OrderEvent,
    PaymentClearance,
    Profile,
    Team,
)
from orders.models.review import CONTRACT_CHECK_ITEMS
from orders.roles import Role, has_role
from orders.services.common import ActionRefused
from orders.services.orders import order_create
from orders.services.review import approval_record, clearance_record, contract_check_update
from orders.services.transitions import order_transition


@contextlib.contextmanager
def mail_not_sent() -> Iterator[None]:
    """Notifications of the walk go nowhere: tasks run in-process with the dummy mail backend,
    instead of being queued for a worker that would send them for real. A mail that fails to
    render is the notifications' problem, not a reason to leave the demo half-seeded."""

    saved = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = True, False
    task_log = logging.getLogger("celery.app.trace")
    task_log_level = task_log.level
    task_log.setLevel(logging.CRITICAL)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            yield
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = saved
        task_log.setLevel(task_log_level)


@contextlib.contextmanager
def stage_left_out_of_full_clean() -> Iterator[None]:
    """order_create calls Order.full_clean(), which re-assigns every field, and django-fsm refuses
    any assignment to the protected stage field. Until the service excludes the stage itself,
    the demo leaves it out of the cleaning (the stage is the default "received" anyway)."""
    original = Order.full_clean

    def full_clean(order, exclude=None, *args, **kwargs):
        return original(order, [*(exclude or []), "stage"], *args, **kwargs)

    Order.full_clean = full_clean
    try:
        yield
    finally:
        Order.full_clean = original


class DemoOffice:
    """The people, parties and orders of the demo, created once."""

    def __init__(self, *, log=print) -> None:
        self.log = log
        self.random = random.Random(27)
        self.today = timezone.localdate()
        self.users: dict[str, object] = {}
        self.teams: list[Team] = []
        self.customers: list[tuple[Customer, str, str]] = []
        self.factories: list = []
        self.created_orders = 0
        self.steps = []

    def seed(self) -> None:
        with mail_not_sent(), stage_left_out_of_full_clean(), transaction.atomic():
            seed_company()
            self.seed_teams_and_users()
            self.seed_customers()
            self.seed_factories()
            self.steps = demo_steps()
            seen: dict[str, int] = {}
            for number, (stage, variant) in enumerate(PLAN):
                nth = seen[stage] = seen.get(stage, -1) + 1
                self.seed_order(number, stage, variant, nth)
            plan_older_orders()

    # ---- people and parties -----------------------------------------------------------------
    def seed_teams_and_users(self) -> None:
        self.teams = [Team.objects.get_or_create(name=name)[0] for name in TEAMS]
        password = None
        for spec in DEMO_USERS:
            user = get_user_model().objects.filter(username=spec.username).first()
            if user is None:
                password = password or make_password(DEMO_PASSWORD)
                user = get_user_model().objects.create(
                    username=spec.username,
                    password=password,
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                    email=f"{spec.username}@gendan.example",
                    is_staff=spec.is_staff,
                    is_superuser=spec.role == SUPERUSER,
                )
            if spec.role != SUPERUSER:
                user.groups.add(Group.objects.get(name=spec.role))
            for permission in spec.permissions:
                app_label, codename = permission.split(".")
                user.user_permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
            team = self.teams[spec.team] if spec.team is not None else None
            Profile.objects.get_or_create(
                user=user, defaults={"language": spec.language, "team": team, "phone": spec.phone}
            )
            self.users[spec.username] = user
        for team in self.teams:
            if team.head_id is None:
                team.head = self.users["manager"]
                team.save(update_fields=["head"])

    def seed_customers(self) -> None:
        for name, country, currency, terms, credit, contacts, prefix in CUSTOMERS:
            customer, _created = Customer.objects.get_or_create(
                name=name,
                defaults={
                    "country": country,
                    "language": Language.ENGLISH,
                    "default_payment_terms": terms,
                    "credit_class": credit,
                },
            )
            for contact_name, title in contacts:
                email = contact_name.lower().replace(" ", ".") + "@" + prefix.lower() + ".example"
                CustomerContact.objects.get_or_create(
                    customer=customer, name=contact_name, defaults={"title": title, "email": email}
                )
            self.customers.append((customer, currency, prefix))

    def seed_factories(self) -> None:
        # The factories are the suppliers app's: reached through the order (orders/ imports no app).
        factory_model = Order._meta.get_field("factory").related_model
        for name, language, email, address, contacts in FACTORIES:
            factory, _created = factory_model.objects.get_or_create(
                name=name, defaults={"language": language, "email": email, "address": address}
            )
            for contact_name, title in contacts:
                factory.contacts.get_or_create(name=contact_name, defaults={"title": title})
            self.factories.append(factory)

    # ---- orders ---------------------------------------------------------------------------
    def seed_order(self, number: int, stage: str, variant: str, nth: int = 0) -> None:
        customer, currency, prefix = self.customers[number % len(self.customers)]
        po_number = f"{prefix}-{27 if number % 3 else 26}{number + 101:04d}"
        if Order.objects.filter(customer=customer, po_number=po_number).exists():
            return
        merchandiser = self.users["merch" if number % 2 == 0 else "merch2"]
        data = self.order_data(number, stage, variant, customer, currency, po_number)
        # R33: the first order in inspection is under statutory commodity inspection (商檢).
        data["commodity_inspection"] = stage == Stage.INSPECTION and nth == 0
        order = order_create(
            user=merchandiser,
            data=data,
            lines=self.order_lines(number, stage, variant),
            entered_on=data["order_date"],  # the office's history, entered when it happened
        )
        self.created_orders += 1
        try:
            self.walk(order, stage, variant)
        except ActionRefused as refusal:
            details = "; ".join(str(detail) for detail in refusal.details)
            self.log(f"Order {order} stopped at {fresh(order).stage}: {refusal} {details}")
        self.contribute(DemoOrder(fresh(order), self.users, stage, variant, nth, self.today))
        self.spread_timeline(order)
        date_the_plan(order, variant=variant, today=self.today, rng=self.random)

    def contribute(self, demo: DemoOrder) -> None:
        """Each app's demo step adds its part (samples, materials, inspections...) before the
        timeline is spread, so their events read in order with the walk's."""
        for step in self.steps:
            try:
                step(dataclasses.replace(demo, order=fresh(demo.order)))
            except ActionRefused as refusal:
                details = "; ".join(str(detail) for detail in refusal.details)
                self.log(
                    f"Demo step {step.__module__} refused on {demo.order}: {refusal} {details}"
                )

    def order_data(self, number, stage, variant, customer, currency, po_number) -> dict:
        description, code, _sizes, _price = STYLES[number % len(STYLES)]
        ordered, ex_factory = STAGE_DATES[stage]
        if variant == "late":
            ex_factory = -(3 + number % 9)
        elif variant == "overdue":  # shipped long enough ago for its payment to be overdue
            ex_factory = -45
        ex_factory += number % 7
        terms = customer.default_payment_terms
        factory = self.factories[(number * 3) % len(self.factories)]
        return {
            "customer": customer,
            "po_number": po_number,
            "style_no": f"{code}{27 if number % 3 else 26}-{100 + number * 7}",
            "description": description,
            "season": ("SS27", "FW27", "FW26")[number % 3],
            "currency": currency,
            "incoterm": Incoterm.FOB if number % 4 else Incoterm.CIF,
            "payment_terms": terms,
            "deposit_percent": Decimal("30")
            if terms == PaymentTerms.TELEGRAPHIC_TRANSFER
            else Decimal("0"),
            "commission": number % 11 == 5,
            "order_date": self.today + timedelta(days=ordered - number % 5),
            "ex_factory_date": self.today + timedelta(days=ex_factory),
            "customer_date": self.today + timedelta(days=ex_factory + 14 + number % 3 * 7),
            "factory": factory,
        }

    def order_lines(self, number: int, stage: str, variant: str) -> list[dict]:
        _description, _code, sizes, price = STYLES[number % len(STYLES)]
        # The orders waiting for the general manager are over the approval threshold.
        scale = 12 if variant == "gm" else 1
        lines = []
        for colour_index in range(1 + number % 3):
            colour = COLOURS[(number + colour_index * 3) % len(COLOURS)]
            breakdown = {size: self.random.randrange(2, 12) * 60 * scale for size in sizes}
            lines.append(
                {
                    "colour": colour,
                    "size_breakdown": breakdown,
                    "quantity": sum(breakdown.values()),
                    "unit_price": price + Decimal(number % 4) * Decimal("0.25"),
                }
            )
        return lines

    def walk(self, order: Order, stage: str, variant: str) -> None:
        if stage == Stage.ON_HOLD:
            self.walk_to(order, variant)
            self.transition(order, "hold", "manager", HOLD_REASONS[variant])
        elif stage == Stage.CANCELLED:
            self.walk_to(order, variant)
            self.transition(order, "cancel", "manager", CANCEL_REASON)
        else:
            self.walk_to(order, stage, variant)

    def walk_to(self, order: Order, stage: str, variant: str = "") -> None:
        if variant == "new":
            return
        self.check_contract(order, complete=variant != "partly_checked")
        if stage == Stage.RECEIVED and variant != "rejected":
            return
        self.transition(order, "submit_for_review", "merch")
        if variant == "rejected":
            reason = REJECTION_REASONS[order.pk % len(REJECTION_REASONS)]
            self.sign(order, Decision.APPROVED, "Price checked against the costing sheet.")
            self.sign(order, Decision.REJECTED, reason)
            return
        # An order left in review waits for the signature its variant names.
        signatures = len(rules.APPROVAL_STEP_ROLE)
        if stage == Stage.IN_REVIEW:
            signatures = {"administration": 1, "gm": 2}.get(variant, 0)
        for _signature in range(signatures):
            if fresh(order).stage != Stage.IN_REVIEW:
                break
            self.sign(order, Decision.APPROVED, "")
        if stage == Stage.IN_REVIEW:
            return
        self.clear_payment(order)
        path = ["start_production", "start_inspection", "ship", "settle"]
        for name in path:
            if fresh(order).stage == stage:
                return
            self.transition(order, name, self.actor_of(name))

    def check_contract(self, order: Order, *, complete: bool) -> None:
        fields = [field for field, _label in CONTRACT_CHECK_ITEMS]
        ticked = fields if complete else fields[:5]
        contract_check_update(
            order_id=order.pk,
            user=order.merchandiser,
            items=dict.fromkeys(ticked, True),
            customer_signed=complete,
            mismatches="" if complete else "等客戶回簽合同。",
        )

    def sign(self, order: Order, decision: str, comment: str) -> None:
        step = rules.next_approval_step(fresh(order))
        signer = self.user_with_role(rules.APPROVAL_STEP_ROLE[step])
        approval_record(order_id=order.pk, user=signer, decision=decision, comment=comment)

    def clear_payment(self, order: Order) -> None:
        order = fresh(order)
        for kind in rules.payment_clearances_needed(order):
            roles = rules.CLEARANCE_ROLES[kind]
            user = order.merchandiser if Role.MERCHANDISER in roles else self.user_with_role(*roles)
            reference = f"LC-{order.po_number}" if kind == Clearance.LC_RECEIVED else ""
            clearance_record(order_id=order.pk, user=user, kind=kind, reference=reference)

    def transition(self, order: Order, name: str, username: str, comment: str = "") -> None:
        order = fresh(order)
        satisfy_gates(order, name)
        user = order.merchandiser if username == "merch" else self.users[username]
        order_transition(order_id=order.pk, user=user, name=name, comment=comment)

    @staticmethod
    def actor_of(transition: str) -> str:
        return {"start_inspection": "qc", "settle": "finance"}.get(transition, "merch")

    def user_with_role(self, *roles: str):
        for username, user in self.users.items():
            if username != "admin" and has_role(user, *roles):
                return user
        raise LookupError(roles)

    def spread_timeline(self, order: Order) -> None:
        """The walk takes a second; spread its events from the order date up to today (or the
        ex-factory date for finished orders), so the timeline reads like the real one."""
        events = list(OrderEvent.objects.filter(order=order).order_by("id"))
        start = order.order_date
        end = min(self.today, max(order.ex_factory_date + timedelta(days=30), start))
        span = max((end - start).days, 1)
        count = max(len(events), 1)
        for index, event in enumerate(events):
            day = start + timedelta(days=span * index // count)
            # Office hours 9:00-18:00, rising with the index so events of one day keep their
            # order (the timeline sorts by time: a letter signed before it was drafted reads
            # wrong).
            minute = 9 * 60 + (span * index % count) * 9 * 60 // count + order.pk % 7
            event.at = timezone.make_aware(
                datetime(day.year, day.month, day.day, minute // 60, minute % 60)
            )
        OrderEvent.objects.bulk_update(events, ["at"])
        # Signatures and payment clearances carry their own time: give them their event's, or
        # the R10/R11 boxes show today beside a timeline months old.
        times: dict[str, list] = {}
        for event in events:
            times.setdefault(event.action, []).append(event.at)
        for model, code in ((Approval, "step"), (PaymentClearance, "kind")):
            rows = list(model.objects.filter(order=order).order_by("id"))
            for row in rows:
                # The merchandiser's signature is the submission itself (R10).
                action = {"merchandiser": "submit_for_review"}.get(getattr(row, code))
                action = action or getattr(row, code)
                if times.get(action):
                    row.at = times[action].pop(0)
            model.objects.bulk_update(rows, ["at"])


def fresh(order: Order) -> Order:
    return Order.objects.select_related("merchandiser").get(pk=order.pk)


def seed_demo(*, log=print) -> DemoOffice:
    office = DemoOffice(log=log)
    office.seed()
    return office
