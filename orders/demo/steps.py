"""orders/' own demo step: an R6 date change waiting for the customer's consent."""

from datetime import timedelta

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
        reason="工人不足,車縫進度落後: the factory asks for ten more days.",
        responsible=Party.FACTORY,
    )


register_demo_step("orders.date_change_pending", date_change_pending)
