"""The production progress report to the customer (F-PROG-001, seed 000 §5.11.3): on demand
through the forms machinery, or every week for the orders the merchandiser chose. Its mail
carries the customer's signed, expiring read-only status link."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.choices import ACTIVE_STAGES, EventKind
from orders.documents.builtin_forms import CONTRACT_APPROVED, ORDER_LIVE
from orders.documents.registry import FormSpec, register_form
from orders.documents.rules import SendRule
from orders.documents.services import customer_recipient, document_send
from orders.models import CustomerProgressSubscription, Order
from orders.permissions import can_edit
from orders.planning.choices import PlanEvent
from orders.planning.customer_status import customer_status, status_url
from orders.services.common import ActionRefused, lock_order, record_event

PROGRESS_REPORT_FORM = "F-PROG-001"
log = logging.getLogger(__name__)


def _customer(order):
    return customer_recipient(order.customer)


PROGRESS_REPORT = FormSpec(
    code=PROGRESS_REPORT_FORM,
    name=gettext_lazy("Production progress report"),
    model="orders.Order",
    template="orders/forms/progress_report.html",
    order_of=lambda order: order,
    recipient=_customer,
    context=customer_status,
    reference=str,
    send_rule=SendRule(when=(CONTRACT_APPROVED, ORDER_LIVE)),
    mail_links=lambda order: [(gettext_lazy("The order's status, at any time"), status_url(order))],
)


def register() -> None:
    register_form(PROGRESS_REPORT)


def progress_weekly_start(*, order_id: int, user) -> CustomerProgressSubscription:
    """From today, the customer gets the report every week until it is stopped."""
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        subscription, created = CustomerProgressSubscription.objects.get_or_create(
            order=order, defaults={"next_send_on": timezone.localdate(), "started_by": user}
        )
        if created:
            record_event(
                order,
                kind=EventKind.DOCUMENT,
                actor=user,
                action=PlanEvent.PROGRESS_WEEKLY_STARTED,
                comment=str(order.customer),
            )
    return subscription


def progress_weekly_stop(*, order_id: int, user) -> None:
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change this order."))
        deleted, _rows = CustomerProgressSubscription.objects.filter(order=order).delete()
        if deleted:
            record_event(
                order,
                kind=EventKind.DOCUMENT,
                actor=user,
                action=PlanEvent.PROGRESS_WEEKLY_STOPPED,
                comment=str(order.customer),
            )


def claim_week(subscription: CustomerProgressSubscription, *, today) -> bool:
    """Exactly once per week: only the sweep whose update moved the date on sends."""
    return bool(
        CustomerProgressSubscription.objects.filter(
            pk=subscription.pk, next_send_on=subscription.next_send_on
        ).update(next_send_on=today + timedelta(days=7))
    )


def send_due_progress_reports(*, today=None) -> int:
    """The weekly reports due today, sent as the order's merchandiser; an order that has
    shipped or stopped is dropped from the list."""

    today = today or timezone.localdate()
    sent = 0
    due = CustomerProgressSubscription.objects.filter(next_send_on__lte=today).select_related(
        "order__merchandiser", "order__customer"
    )
    for subscription in due:
        order: Order = subscription.order
        if order.stage not in ACTIVE_STAGES:
            subscription.delete()
            continue
        if not claim_week(subscription, today=today):
            continue
        try:
            document_send(spec_code=PROGRESS_REPORT_FORM, obj=order, user=order.merchandiser)
        except ActionRefused as refused:
            log.warning("weekly progress report for %s not sent: %s", order, refused)
            continue
        sent += 1
    return sent
