from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from orders.choices import EventKind, Stage
from orders.models import ContractCheck, Order, OrderLine
from orders.permissions import can_edit, can_enter_orders, can_enter_orders_for, team_id_of
from orders.services.common import ActionRefused, lock_order, record_event, save_order
from orders.services.planning import plan_build, replan_dates

# Once production starts, the contract's figures are frozen (R14: changes are refused in writing).
EDITABLE_STAGES = {Stage.RECEIVED}


def order_create(
    *, user, data: dict[str, Any], lines: list[dict[str, Any]], comment: str = ""
) -> Order:
    """A merchandiser enters a customer P/O with its lines (by the form, or a row group of an
    imported P/O file: the comment then says which file and rows)."""
    if not can_enter_orders(user):
        raise ActionRefused(_("Only merchandisers and managers enter orders."))
    if not lines:
        raise ActionRefused(_("An order needs at least one line."))
    data = dict(data)
    data.setdefault("merchandiser", user)
    if not can_enter_orders_for(user, data["merchandiser"]):
        raise ActionRefused(_("You may enter orders only for your own team."))
    if not data.get("team"):
        data["team_id"] = team_id_of(data["merchandiser"])
        if data["team_id"] is None:
            raise ActionRefused(_("The merchandiser belongs to no team; ask a manager to add one."))
    with transaction.atomic():
        order = Order(**data)
        # The stage is the state machine's: only transitions set it.
        order.full_clean(exclude=["stage"])
        order.save()
        _replace_lines(order, lines)
        ContractCheck.objects.create(order=order)
        record_event(
            order, kind=EventKind.CREATED, actor=user, to_stage=order.stage, comment=comment
        )
        # The order gets its time-and-action plan when it is received.
        plan_build(order=order, user=user)
    return order


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
        record_event(
            order,
            kind=EventKind.EDITED,
            actor=user,
            comment=", ".join(str(Order._meta.get_field(n).verbose_name) for n in changed),
        )
    return order


def _replace_lines(order: Order, lines: list[dict[str, Any]]) -> None:
    order.lines.all().delete()
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
    OrderLine.objects.bulk_create(objects)
