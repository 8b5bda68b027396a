"""Builders for materials test data (kept here so tests/factories.py stays small)."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from suppliers import services
from suppliers.choices import SupplierKind, TrimSource
from suppliers.models import Supplier, SupplierContact

_seq = itertools.count(1)


def make_supplier(kind: str = SupplierKind.FABRIC_MILL, **fields) -> Supplier:
    fields.setdefault("name", f"{kind} {next(_seq)}")
    fields.setdefault("email", f"supplier{next(_seq)}@example.com")
    supplier = Supplier.objects.create(kind=kind, **fields)
    SupplierContact.objects.create(supplier=supplier, name="Ms Chan", email="chan@example.com")
    return supplier


def make_lab(*, approved: bool = True) -> Supplier:
    return make_supplier(SupplierKind.TEST_LAB, approved=approved)


def booking_fields(order, **fields) -> dict:
    mill = fields.pop("supplier", None) or make_supplier()
    values = {
        "supplier": mill,
        "contact": mill.contacts.first(),
        "fabric_name": "Cotton poplin",
        "construction": "40x40 / 133x72",
        "width": '57/58"',
        "composition": "100% cotton",
        "price": Decimal("2.80"),
        "consumption": Decimal("1.6"),
        "delivery_date": order.ex_factory_date - timedelta(days=30),
        "colour_standard": "Pantone 19-4052",
    }
    values.update(fields)
    return values


def make_booking(order, *, user=None, **fields):
    return services.fabric_booking_create(
        order_id=order.pk, user=user or order.merchandiser, **booking_fields(order, **fields)
    )


def make_trim(order, *, user=None, source=TrimSource.FACTORY, **fields):
    fields.setdefault("description", f"Main label {next(_seq)}")
    if source == TrimSource.FACTORY:
        fields.setdefault("trim_sample", "Woven label")
        fields.setdefault("order_date", date.today())
        fields.setdefault("in_house_date", date.today())
    return services.trim_create(
        order_id=order.pk, user=user or order.merchandiser, source=source, **fields
    )
