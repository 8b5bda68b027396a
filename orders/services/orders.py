from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from orders.choices import EventKind, Stage
from orders.models import ContractCheck, Order, OrderEvent, OrderLine
from orders.permissions import (
    can_edit,
    can_enter_orders,
    can_enter_orders_for,
    is_managing,
    team_id_of,
)
from orders.services.common import (
    ActionRefused,
    lock_order,
    record_event,
    record_events,
    save_order,
)
from orders.services.planning import plan_build, plans_build_new, replan_dates, reproject
from orders.timeline import event_message

# Once production starts, the contract's figures are frozen (R14: changes are refused in writing).
EDITABLE_STAGES = {Stage.RECEIVED}


@dataclass
class NewOrder:
    """One order to enter: the header fields, its lines, and what the timeline says of it."""

    data: dict[str, Any]
    lines: list[dict[str, Any]]
    comment: str = ""
    # A manager entering an order that already happened, for the record: its dates may be in
    # the past and it gets no time-and-action plan (nothing in it is still to be chased).
    for_the_record: bool = False


class OrdersRefused(ActionRefused):
    """Some of the orders cannot be entered, so none is: `errors` maps the index of each
    refused order to its ActionRefused or ValidationError."""

    def __init__(self, errors: dict[int, Exception]):
        super().__init__(_("Some of the orders cannot be entered; none was."))
        self.errors = errors


def order_create(
    *,
    user,
    data: dict[str, Any],
    lines: list[dict[str, Any]],
    comment: str = "",
    for_the_record: bool = False,
    entered_on: date | None = None,
) -> Order:
    """A merchandiser enters a customer P/O with its lines."""
    new = NewOrder(data, lines, comment, for_the_record=for_the_record)
    try:
        return orders_create(user=user, orders=[new], entered_on=entered_on)[0]
    except OrdersRefused as refused:
        raise refused.errors[0] from None


def orders_create(*, user, orders: list[NewOrder], entered_on: date | None = None) -> list[Order]:
    """Enter customer P/Os with their lines, all or none: the new-order form enters one, an
    imported P/O file many. Every order is validated, then all are written with their contract
    check, their "created" timeline event and their plan, in a number of queries that does not
    grow with the orders. `entered_on` is today, except for the demo's history."""
    entered_on = entered_on or timezone.localdate()
    if not can_enter_orders(user):
        raise ActionRefused(_("Only merchandisers and managers enter orders."))
    built, errors = [], {}
    taken = _po_numbers_taken(orders)
    for index, new in enumerate(orders):
        try:
            built.append(_built_order(user, new, taken, entered_on))
        except (ActionRefused, ValidationError) as error:
            errors[index] = error
    errors.update(_missing_references([order for order, _lines, _new in built], errors))
    if errors:
        raise OrdersRefused(errors)
    with transaction.atomic():
        created = Order.objects.bulk_create([order for order, _lines, _new in built])
        OrderLine.objects.bulk_create(
            [line for order, lines, _new in built for line in _attach(order, lines)]
        )
        ContractCheck.objects.bulk_create([ContractCheck(order=order) for order in created])
        record_events(
            [
                OrderEvent(
                    order=order,
                    kind=EventKind.CREATED,
                    actor=user,
                    to_stage=order.stage,
                    comment=new.comment,
                )
                for order, _lines, new in built
            ]
        )
        # Each order gets its time-and-action plan when it is received.
        plans_build_new(
            orders=[
                order
                for order, (_o, _l, new) in zip(created, built, strict=True)
                if not new.for_the_record
            ],
            user=user,
        )
    return created


def _built_order(
    user, new: NewOrder, taken: set, entered_on: date
) -> tuple[Order, list[OrderLine], NewOrder]:
    if not new.lines:
        raise ActionRefused(_("An order needs at least one line."))
    data = dict(new.data)
    data.setdefault("merchandiser", user)
    if not can_enter_orders_for(user, data["merchandiser"]):
        raise ActionRefused(_("You may enter orders only for your own team."))
    if not data.get("team") and not data.get("team_id"):
        data["team_id"] = team_id_of(data["merchandiser"])
        if data["team_id"] is None:
            raise ActionRefused(_("The merchandiser belongs to no team; ask a manager to add one."))
    order = Order(**data)
    if new.for_the_record:
        if not is_managing(user):
            raise ActionRefused(_("Only a manager enters an old order for the record."))
    else:
        r13_new_order_dates_not_in_past(order, today=entered_on)
    # The stage is the state machine's: only transitions set it. The P/O's uniqueness is
    # checked for all the orders at once (_po_numbers_taken).
    order.full_clean(exclude=["stage", *REFERENCES], validate_constraints=False)
    key = (order.customer_id, order.po_number)
    if key in taken:
        raise ValidationError(
            {
                "po_number": _("%(customer)s already has an order with P/O no. %(po)s.")
                % {"customer": order.customer, "po": order.po_number}
            }
        )
    taken.add(key)
    return order, _lines(order, new.lines), new


def r13_new_order_dates_not_in_past(order: Order, *, today: date) -> None:
    """A new order is planned from its ex-factory and customer dates: a date already gone would
    make its whole plan overdue on the first day. An old order entered for the record is a
    manager's separate choice (NewOrder.for_the_record)."""
    errors = {}
    for name in ("ex_factory_date", "customer_date"):
        value = getattr(order, name)
        if value and value < today:
            errors[name] = _(
                "%(field)s %(date)s is in the past: a new order's dates are today or later. "
                "Check the date with the customer, or ask a manager to enter the order for "
                "the record."
            ) % {
                "field": capfirst(Order._meta.get_field(name).verbose_name),
                "date": date_format(value),
            }
    if errors:
        raise ValidationError(errors)


# Checked for all the orders at once (_missing_references) instead of a query per order.
REFERENCES = ("customer", "factory", "merchandiser", "team")


def _missing_references(orders: list[Order], refused: dict) -> dict[int, ValidationError]:
    """What Model.full_clean says of a foreign key that is empty or names no row, with one
    query per related model. `refused` holds the indexes already refused (not in `orders`)."""
    indexes = [index for index in range(len(orders) + len(refused)) if index not in refused]
    errors: dict[int, ValidationError] = {}
    for name in REFERENCES:
        field = Order._meta.get_field(name)
        wanted = {getattr(order, field.attname) for order in orders} - {None}
        found = set(
            field.related_model._base_manager.filter(pk__in=wanted).values_list("pk", flat=True)
        )
        for index, order in zip(indexes, orders, strict=True):
            value = getattr(order, field.attname)
            if value is None:
                message = field.error_messages["null"]
            elif value not in found:
                message = field.error_messages["invalid"] % {
                    "model": field.related_model._meta.verbose_name,
                    "pk": value,
                    "field": "id",
                    "value": value,
                }
            else:
                continue
            errors.setdefault(index, ValidationError({name: message}))
    return errors


def _po_numbers_taken(orders: list[NewOrder]) -> set[tuple[int, str]]:
    wanted = {
        (_pk(new.data.get("customer")), new.data.get("po_number"))
        for new in orders
        if new.data.get("customer") and new.data.get("po_number")
    }
    if not wanted:
        return set()
    existing = Order.objects.filter(
        customer_id__in={customer for customer, _po in wanted},
        po_number__in={po for _customer, po in wanted},
    ).values_list("customer_id", "po_number")
    return set(existing) & wanted


def _pk(value):
    return getattr(value, "pk", value)


def _lines(order: Order, lines: list[dict[str, Any]]) -> list[OrderLine]:
    objects = []
    for number, line in enumerate(lines, start=1):
        obj = OrderLine(order=order, **line)
        try:
            obj.full_clean(exclude=["order"])
        except ValidationError as error:
            raise ActionRefused(
                _("Line %(number)d: %(errors)s")
                % {"number": number, "errors": " ".join(error.messages)}
            ) from error
        objects.append(obj)
    return objects


def _attach(order: Order, lines: list[OrderLine]) -> list[OrderLine]:
    """The lines were built before the order had its id."""
    for line in lines:
        line.order = order
    return lines


def order_update(
    *, order_id: int, user, version: int, data: dict[str, Any], lines: list[dict[str, Any]]
) -> Order:
    if not lines:
        raise ActionRefused(_("An order needs at least one line."))
    with transaction.atomic():
        order = lock_order(order_id, version)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not edit this order."))
        if order.stage not in EDITABLE_STAGES:
            raise ActionRefused(
                _("The order is %(stage)s: its contract can no longer be edited here.")
                % {"stage": order.get_stage_display()}
            )
        changed = [name for name, value in data.items() if getattr(order, name) != value]
        for name, value in data.items():
            setattr(order, name, value)
        # The stage is the state machine's: only transitions set it.
        order.full_clean(exclude=["stage"])
        save_order(order)
        _replace_lines(order, lines)
        if {"order_date", "ex_factory_date", "customer_date"} & set(changed):
            # The plan counts from these dates: its open milestones move with them.
            replan_dates(order=order)
        else:
            # The lines' total quantity is what R25's production finish counts down.
            reproject(order=order)
        if "commodity_inspection" in changed and hasattr(order, "plan"):
            # R33: the plan gains (or loses) the inspection and customs bookings.
            plan_build(order=order, user=user)
        record_event(
            order,
            kind=EventKind.EDITED,
            actor=user,
            message=event_message(
                "%(fields)s", fields=[Order._meta.get_field(n).verbose_name for n in changed]
            ),
        )
    return order


def _replace_lines(order: Order, lines: list[dict[str, Any]]) -> None:
    order.lines.all().delete()
    OrderLine.objects.bulk_create(_lines(order, lines))
