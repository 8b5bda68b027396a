"""orders/' own demo steps: an R6 date change waiting for the customer's consent, and an R8
change request the customer asked for, drafted so its change notice (F-CHG-001) prints."""

from datetime import timedelta

from orders.changes.choices import Requester
from orders.changes.fields import contract_snapshot
from orders.changes.services import change_request_raise
from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step
from orders.planning.choices import Party
from orders.services.date_changes import date_change_request


def date_change_pending(demo: DemoOrder) -> None:
    if demo.stage != Stage.IN_PRODUCTION or demo.variant != "late" or demo.nth != 6:
        return
    order = demo.order
    date_change_request(
        order_id=order.pk,
        user=order.merchandiser,
        requested_by=Party.FACTORY,
        proposed_date=order.ex_factory_date + timedelta(days=10),
        reason="工人不足，車縫進度落後：工廠要求延後十日。",
        responsible=Party.FACTORY,
    )


register_demo_step("orders.date_change_pending", date_change_pending)


def change_request_drafted(demo: DemoOrder) -> None:
    if demo.stage != Stage.APPROVED or demo.nth != 3:
        return
    order = demo.order
    proposed = contract_snapshot(order)
    first = proposed["lines"][0]
    if first["sizes"]:
        first["sizes"] = {size: pieces + 12 for size, pieces in first["sizes"].items()}
    else:
        first["quantity"] += 48
    change_request_raise(
        order_id=order.pk,
        user=order.merchandiser,
        proposed=proposed,
        requested_by=Requester.CUSTOMER,
        customer_reference=f"{order.customer.name[:3].upper()}-CHG-1",
        customer_reference_date=demo.today - timedelta(days=1),
        reason="客人第一個顏色每個尺碼加一打。",
    )


register_demo_step("orders.change_request_drafted", change_request_drafted)
