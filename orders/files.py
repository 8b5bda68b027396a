"""Uploaded and generated files are served only through a view that checks who asks: each app
registers its file fields here with how to reach the order (or who else may see the file), and
orders.views.files answers MEDIA_URL with it — never Django's static helper, even with DEBUG on."""

from collections.abc import Callable
from dataclasses import dataclass

from orders.models import (
    CompanyProfile,
    ContractCheck,
    CustomerDocument,
    OrderImport,
    SentDocument,
)
from orders.permissions import can_see, can_see_customer_file, can_see_import


@dataclass(frozen=True)
class ProtectedFile:
    model: type
    field: str
    # The order the file belongs to; the user must see that order...
    order_of: Callable | None = None
    # ...or, for files above the orders (a customer's master file), this says who may.
    may_see: Callable | None = None

    def allows(self, user, obj) -> bool:
        if self.order_of is not None:
            order = self.order_of(obj)
            return order is not None and can_see(order, user)
        return self.may_see is not None and bool(self.may_see(user, obj))


_REGISTRY: list[ProtectedFile] = []


def register_protected_file(model, field: str, *, order_of=None, may_see=None) -> None:
    entry = ProtectedFile(model, field, order_of, may_see)
    if entry not in _REGISTRY:
        _REGISTRY.append(entry)


def owner_of(name: str) -> tuple[ProtectedFile, object] | None:
    """The registration and the object whose file field holds this stored name."""
    for entry in _REGISTRY:
        obj = entry.model._base_manager.filter(**{entry.field: name}).first()
        if obj is not None:
            return entry, obj
    return None


def register_orders_files() -> None:
    def by_order(obj):
        return obj.order

    register_protected_file(ContractCheck, "signed_contract", order_of=by_order)
    register_protected_file(SentDocument, "pdf", order_of=by_order)
    register_protected_file(SentDocument, "signed_copy", order_of=by_order)
    register_protected_file(
        CustomerDocument, "file", may_see=lambda user, _doc: can_see_customer_file(user)
    )
    register_protected_file(
        OrderImport, "file", may_see=lambda user, job: can_see_import(job, user)
    )
    register_protected_file(CompanyProfile, "logo", may_see=lambda user, _profile: True)
