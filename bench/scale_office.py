"""The office of bench/scale.py: the demo's people and parties, grown to a trading house that
keeps 100,000 orders (six teams of merchandisers, sixty customers, forty factories), and the
time-and-action template every order's plan is built from."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from orders.choices import CreditClass, Currency, Language, PaymentTerms
from orders.models import Customer, MilestoneTemplate, PlanTemplate, Profile, Team
from orders.roles import Role
from suppliers.models import Factory

EXTRA_TEAMS = ["Denim 牛仔組", "Sportswear 運動組", "Kidswear 童裝組", "Accessories 配件組"]
MERCHANDISERS_PER_TEAM = 8
CUSTOMERS = 60
FACTORIES = 40
# What the demo's default template lacks for a 15-milestone plan: R23's marks and the papers.
EXTRA_MILESTONES = [
    ("shipping_marks", "Shipping marks confirmed", -21, "shipping_marks_confirmed"),
    ("packing_list", "Packing list", -2, "packing_list_generated"),
    ("commercial_invoice", "Commercial invoice", 2, "commercial_invoice_issued"),
]
TERMS = [
    (PaymentTerms.LETTER_OF_CREDIT, Decimal("0")),
    (PaymentTerms.TELEGRAPHIC_TRANSFER, Decimal("30")),
    (PaymentTerms.OPEN_ACCOUNT, Decimal("0")),
    (PaymentTerms.DOCUMENTS_AGAINST_PAYMENT, Decimal("0")),
    (PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE, Decimal("0")),
]
CURRENCIES = [Currency.USD] * 6 + [Currency.EUR, Currency.GBP, Currency.HKD]


@dataclass
class Office:
    merchandisers: list  # (user id, team id)
    customers: list  # (id, currency, payment terms, deposit %, credit class)
    factories: list[int]
    template: PlanTemplate
    users: dict  # username -> id


def build_office(log) -> Office:
    from orders.demo.office import DemoOffice

    demo = DemoOffice(log=log)
    demo.seed_teams_and_users()
    demo.seed_customers()
    demo.seed_factories()
    users = get_user_model().objects
    manager2 = users.filter(username="manager2").first()
    if manager2 is None:
        manager2 = users.create(username="manager2", email="manager2@gendan.example", is_staff=True)
        manager2.groups.add(Group.objects.get(name=Role.DEPARTMENT_MANAGER))
        Profile.objects.create(user=manager2, language=Language.ENGLISH)
    teams = list(demo.teams)
    for name in EXTRA_TEAMS:
        teams.append(Team.objects.get_or_create(name=name, defaults={"head": manager2})[0])
    merchandiser_group = Group.objects.get(name=Role.MERCHANDISER)
    merchandisers = [(demo.users["merch"].pk, teams[0].pk), (demo.users["merch2"].pk, teams[1].pk)]
    for index, team in enumerate(teams):
        start = 1 if index < 2 else 0  # the demo's merch and merch2 are the first of theirs
        for number in range(start, MERCHANDISERS_PER_TEAM):
            username = f"merch_t{index + 1}_{number}"
            user = users.filter(username=username).first()
            if user is None:
                user = users.create(username=username, email=f"{username}@gendan.example")
                user.groups.add(merchandiser_group)
                Profile.objects.create(user=user, team=team, language=Language.TRADITIONAL_CHINESE)
            merchandisers.append((user.pk, team.pk))
    customers = []
    for customer, currency, _prefix in demo.customers:
        terms = customer.default_payment_terms
        deposit = Decimal("30") if terms == PaymentTerms.TELEGRAPHIC_TRANSFER else Decimal("0")
        customers.append((customer.pk, currency, terms, deposit, customer.credit_class))
    classes = [CreditClass.A, CreditClass.B, CreditClass.B, CreditClass.C]
    for number in range(len(customers), CUSTOMERS):
        terms, deposit = TERMS[number % len(TERMS)]
        customer, _created = Customer.objects.get_or_create(
            name=f"Customer {number + 1:03d} Trading Ltd.",
            defaults={
                "country": "United States",
                "default_payment_terms": terms,
                "credit_class": classes[number % len(classes)],
            },
        )
        currency = CURRENCIES[number % len(CURRENCIES)]
        customers.append((customer.pk, currency, terms, deposit, customer.credit_class))
    factories = [factory.pk for factory in demo.factories]
    for number in range(len(factories), FACTORIES):
        factory, _created = Factory.objects.get_or_create(
            name=f"Factory {number + 1:03d} 製衣廠",
            defaults={
                "language": Language.SIMPLIFIED_CHINESE,
                "email": f"factory{number + 1}@example.com",
            },
        )
        factories.append(factory.pk)
    users_by_name = dict(users.values_list("username", "pk"))
    return Office(merchandisers, customers, factories, plan_template(), users_by_name)


def plan_template() -> PlanTemplate:
    template = PlanTemplate.objects.get(is_default=True)
    last = template.milestones.order_by("-position").first()
    for number, (code, name, offset, action) in enumerate(EXTRA_MILESTONES, start=1):
        MilestoneTemplate.objects.get_or_create(
            template=template,
            code=code,
            defaults={
                "name": name,
                "offset": offset,
                "position": last.position + number,
                "completed_by": action,
                "critical": False,
            },
        )
    return template
