"""orders/' demo of orders that change (R8, R14, R28): an applied change (Rev 2), a change that
waits for the customer's confirmation, an amendment in production, and a repeat order."""

from datetime import timedelta

from orders.changes.apply import change_request_apply
from orders.changes.choices import Requester
from orders.changes.fields import contract_snapshot
from orders.changes.lifecycle import (
    change_approval_record,
    change_customer_confirm,
    change_factory_answer,
    change_request_send,
)
from orders.changes.services import change_request_raise
from orders.choices import ApprovalStep, Decision, Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.repeats.services import order_repeat

# Who signs each step of the R10 chain in the demo office.
SIGNERS = {
    ApprovalStep.DEPARTMENT_MANAGER: "manager",
    ApprovalStep.ADMINISTRATION: "admin_clerk",
    ApprovalStep.GENERAL_MANAGER: "gm",
}


def _raise(demo: DemoOrder, *, reason: str, amendment: bool = False, **changes):
    order = demo.order
    proposed = contract_snapshot(order)
    for key, value in changes.get("fields", {}).items():
        proposed["fields"][key] = value
    proposed["lines"].extend(changes.get("new_lines", []))
    return change_request_raise(
        order_id=order.pk,
        user=order.merchandiser,
        proposed=proposed,
        requested_by=Requester.CUSTOMER,
        customer_reference=f"{order.customer.name[:3].upper()}-CHG-{order.pk}",
        customer_reference_date=demo.today - timedelta(days=3),
        reason=reason,
        is_amendment=amendment,
    )


def _agreed(change, name: str, production=None):
    change_request_send(change_id=change.pk, user=change.order.merchandiser)
    return change_factory_answer(
        change_id=change.pk, agreed=True, name=name, comment="可以照做。", production=production
    )


def change_applied(demo: DemoOrder) -> None:
    """The customer adds a colour and moves its date a week: agreed, confirmed, signed at the
    original's level, applied as Rev 2."""

    if demo.stage != Stage.APPROVED or demo.nth != 4:
        return
    order = demo.order
    first = order.lines.order_by("id").first()
    change = _raise(
        demo,
        reason="客人加一個炭灰色，交期延後一星期。",
        fields={"customer_date": (order.customer_date + timedelta(days=7)).isoformat()},
        new_lines=[
            {"colour": "Charcoal 炭灰", "sizes": {"M": 60, "L": 60}, "unit_price": first.unit_price}
        ],
    )
    _agreed(change, "王廠長")
    change_customer_confirm(
        change_id=change.pk,
        user=order.merchandiser,
        confirmed_by="Buyer (e-mail)",
        confirmed_on=demo.today - timedelta(days=1),
    )
    while (step := type(change).objects.get(pk=change.pk).next_step()) is not None:
        change_approval_record(
            change_id=change.pk, user=demo.users[SIGNERS[step]], decision=Decision.APPROVED
        )
    change_request_apply(change_id=change.pk, user=order.merchandiser)


def change_waiting_for_customer(demo: DemoOrder) -> None:
    """The factory agreed to a new packing; the customer's confirmation is still to come (R8)."""
    if demo.stage != Stage.APPROVED or demo.nth != 5:
        return
    change = _raise(
        demo,
        reason="客人要求每內盒 12 件，不是 6 件。",
        fields={"packing": "1 pc / polybag, 12 pcs / inner box, 48 pcs / export carton"},
    )
    _agreed(change, "李經理")


def amendment_in_production(demo: DemoOrder) -> None:
    """R14: in production, the customer moves its date; raised as a contract amendment, the
    factory's production side states what is cut and made."""
    if demo.stage != Stage.IN_PRODUCTION or demo.nth != 2:
        return
    order = demo.order
    change = _raise(
        demo,
        reason="合同修改單: the customer takes the goods two weeks later.",
        amendment=True,
        fields={"customer_date": (order.customer_date + timedelta(days=14)).isoformat()},
    )
    production = {
        str(line.pk): {"cut": line.quantity, "made": line.quantity // 3}
        for line in order.lines.all()
        if line.quantity
    }
    _agreed(change, "生產部 劉主管", production)


def repeat_order(demo: DemoOrder) -> None:
    """R28: the customer repeats a settled style with the same quantities."""

    if demo.stage != Stage.SETTLED or demo.nth != 0:
        return
    order = demo.order
    order_repeat(
        order_id=order.pk,
        user=order.merchandiser,
        po_number=f"{order.po_number}-R",
        order_date=demo.today,
        customer_date=demo.today + timedelta(days=95),
        ex_factory_date=demo.today + timedelta(days=80),
        copy_quantities=True,
    )


register_demo_step("orders.change_applied", change_applied)
register_demo_step("orders.change_waiting_for_customer", change_waiting_for_customer)
register_demo_step("orders.amendment_in_production", amendment_in_production)
register_demo_step("orders.repeat_order", repeat_order)
