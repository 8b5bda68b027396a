"""Builders for test data: plain functions with sensible defaults, overridable by keyword."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, User

from orders.choices import ApprovalStep, Clearance, Decision, PaymentTerms
from orders.models import Customer, Order, OrderLine, Profile, Team
from orders.models.review import CONTRACT_CHECK_ITEMS, ContractCheck
from suppliers.models import Factory

_seq = itertools.count(1)


def make_team(name: str | None = None) -> Team:
    return Team.objects.create(name=name or f"Team {next(_seq)}")


def make_user(*roles: str, team: Team | None = None, language: str = "en", **fields) -> User:
    n = next(_seq)
    fields.setdefault("username", f"{'-'.join(roles) or 'user'}{n}")
    fields.setdefault("email", f"{fields['username']}@example.com")
    user = User.objects.create_user(password="pw-12345-test", **fields)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    Profile.objects.create(user=user, team=team, language=language)
    return user


def make_customer(**fields) -> Customer:
    fields.setdefault("name", f"Customer {next(_seq)}")
    return Customer.objects.create(**fields)


def make_factory(**fields) -> Factory:
    fields.setdefault("name", f"Factory {next(_seq)}")
    fields.setdefault("email", f"factory{next(_seq)}@example.com")
    return Factory.objects.create(**fields)


def make_order(*, merchandiser: User, lines=None, **fields) -> Order:
    today = date.today()
    fields.setdefault("customer", make_customer())
    fields.setdefault("factory", make_factory())
    fields.setdefault("team", merchandiser.profile.team)
    fields.setdefault("po_number", f"PO-{next(_seq):05d}")
    fields.setdefault("style_no", "ST-100")
    fields.setdefault("description", "Men's cotton shirt")
    fields.setdefault("payment_terms", PaymentTerms.LETTER_OF_CREDIT)
    fields.setdefault("order_date", today)
    fields.setdefault("ex_factory_date", today + timedelta(days=60))
    fields.setdefault("customer_date", today + timedelta(days=70))
    order = Order.objects.create(merchandiser=merchandiser, **fields)
    for line in lines or [
        {
            "colour": "Navy",
            "size_breakdown": {"S": 100, "M": 200},
            "quantity": 300,
            "unit_price": Decimal("5.50"),
        }
    ]:
        OrderLine.objects.create(order=order, **line)
    ContractCheck.objects.create(order=order)
    return order


def tick_contract(order: Order, *, signed: bool = True) -> None:
    check = order.contract_check
    for field, _label in CONTRACT_CHECK_ITEMS:
        setattr(check, field, True)
    check.customer_signed = signed
    check.save()


def fresh(order: Order) -> Order:
    """The order as the database has it now (the stage field is protected from refresh)."""
    return Order.objects.get(pk=order.pk)


__all__ = [
    "ApprovalStep",
    "Clearance",
    "Decision",
    "fresh",
    "make_customer",
    "make_factory",
    "make_master_file",
    "make_order",
    "make_sample",
    "make_team",
    "make_user",
    "tick_contract",
]


# ---- samples -------------------------------------------------------------------------------


def make_sample(order: Order, *, sample_type: str = "pp", received: bool = True, user=None):
    """A sample round through the samples services, received from the factory by default."""
    from samples.services import sample_receive, sample_request_create

    user = user or order.merchandiser
    sample = sample_request_create(order_id=order.pk, user=user, sample_type=sample_type)
    if received:
        sample = sample_receive(sample_id=sample.pk, user=user)
    return sample


def make_master_file(order: Order, *, approved_by: User | None = None, **fields):
    """A style master file (總檔) for the order's customer and style, approved when given a user."""
    from samples.models import StyleMasterFile

    return StyleMasterFile.objects.create(
        customer=order.customer,
        style_no=order.style_no,
        approved_by=approved_by,
        approved_on=date.today() if approved_by else None,
        **fields,
    )
