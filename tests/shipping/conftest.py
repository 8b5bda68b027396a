from datetime import date, timedelta
from decimal import Decimal

import pytest

from orders.choices import Stage
from orders.models import Order
from shipping.choices import InspectionKind, InspectorParty
from shipping.services import inspection_book, inspection_report_record
from tests.factories import fresh, make_order


def at_stage(order, stage):
    Order.objects.filter(pk=order.pk).update(stage=stage)
    return fresh(order)


@pytest.fixture
def order(merchandiser):
    # 1 000 pieces: level II → J, 80 pcs; major AQL 2.5 → Ac 5 / Re 6; minor 4.0 → 7 / 8;
    # critical 0.010 → arrow to Q, 1 250 pcs > lot, so the whole lot, Ac 0 / Re 1.
    return make_order(
        merchandiser=merchandiser,
        ex_factory_date=date.today() + timedelta(days=30),
        lines=[
            {
                "colour": "Navy",
                "size_breakdown": {"S": 300, "M": 400, "L": 300},
                "quantity": 1000,
                "unit_price": Decimal("5.50"),
            }
        ],
    )


@pytest.fixture
def inspecting(order):
    return at_stage(order, Stage.INSPECTION)


def book_final(order, user, **fields):
    fields.setdefault("kind", InspectionKind.FINAL)
    fields.setdefault("party", InspectorParty.OWN_QC)
    fields.setdefault("planned_date", order.ex_factory_date - timedelta(days=3))
    return inspection_book(order_id=order.pk, user=user, **fields)


def record(booking, user, *, critical=0, major=0, minor=0, **fields):
    fields.setdefault("inspected_on", date.today())
    fields.setdefault("quantity_presented", booking.lot_size)
    return inspection_report_record(
        booking_id=booking.pk,
        user=user,
        defects_found={"critical": critical, "major": major, "minor": minor},
        **fields,
    )


def issue_invoice(order, number: str, issued_on=None):
    """R34 as the office walks it: the merchandiser's invoice request, signed at each level,
    then finance issues the commercial invoice (whoever holds the roles, made if missing)."""
    from datetime import date

    from django.contrib.auth.models import User

    from orders.roles import Role
    from shipping.demo import invoice_through_request
    from tests.factories import make_user

    for role in (Role.DEPARTMENT_MANAGER, Role.FINANCE):
        if not User.objects.filter(groups__name=role).exists():
            make_user(role)
    return invoice_through_request(order, number=number, issued_on=issued_on or date.today())
