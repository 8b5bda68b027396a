"""Delivery-date changes (R6). An expected delay: the factory proposes a date and the customer
is told and agrees. An early shipment the factory wants: the customer must agree. A new date
the customer wants: the factory must agree first. Nothing changes before that consent."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from orders.choices import ACTIVE_STAGES, EventKind
from orders.models import DateChangeRequest
from orders.permissions import can_edit
from orders.planning.choices import (
    DateChangeKind,
    DateChangeStatus,
    Party,
    PlanEvent,
)
from orders.services.common import (
    ActionRefused,
    lock_order,
    lock_row,
    perform,
    record_event,
    save_order,
)
from orders.services.planning import replan_dates
from orders.timeline import event_message, lowercase


def _kind(requested_by: str, current: date, proposed: date) -> str:
    if requested_by == Party.CUSTOMER:
        return DateChangeKind.CUSTOMER_NEW_DATE
    return DateChangeKind.EARLY_SHIPMENT if proposed < current else DateChangeKind.FACTORY_DELAY


def date_change_request(
    *,
    order_id: int,
    user,
    requested_by: str,
    proposed_date: date,
    reason: str,
    responsible: str,
) -> DateChangeRequest:
    """Record a change one side asks for: the factory proposes an ex-factory date, the customer
    a customer date."""
    if requested_by not in (Party.FACTORY, Party.CUSTOMER):
        raise ActionRefused(_("A date change is asked for by the factory or by the customer."))
    if responsible not in Party.values:
        raise ActionRefused(_("Say who is responsible: the factory, the customer or us."))
    if not reason.strip():
        raise ActionRefused(_("Please give the reason for the date change."))
    with transaction.atomic():
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change the dates of this order."))
        if order.stage not in ACTIVE_STAGES:
            raise ActionRefused(_("The order is closed: its dates can no longer change."))
        if order.date_changes.filter(status=DateChangeStatus.PROPOSED).exists():
            raise ActionRefused(
                _("A date change already waits for consent: settle it before asking another.")
            )
        current = order.customer_date if requested_by == Party.CUSTOMER else order.ex_factory_date
        if proposed_date == current:
            raise ActionRefused(_("The proposed date is the date the order already has."))
        change = DateChangeRequest.objects.create(
            order=order,
            kind=_kind(requested_by, current, proposed_date),
            requested_by=requested_by,
            current_date=current,
            proposed_date=proposed_date,
            reason=reason.strip(),
            responsible=responsible,
            created_by=user,
        )
        record_event(
            order,
            kind=EventKind.NOTE,
            actor=user,
            action=PlanEvent.DATE_CHANGE_REQUESTED,
            message=event_message(
                gettext_noop(
                    "%(kind)s: %(current)s → %(proposed)s. Responsible: %(responsible)s. "
                    "Waiting for the %(party)s's consent."
                ),
                kind=DateChangeKind(change.kind).label,
                current=current,
                proposed=proposed_date,
                responsible=Party(change.responsible).label,
                party=lowercase(Party(change.consenting_party).label),
            ),
            comment=change.reason,
        )
    return change


def date_change_decide(
    *, change_id: int, user, party: str, agreed: bool, note: str = ""
) -> DateChangeRequest:
    """Record the other side's answer. Only the consenting party's answer counts (R6); on
    consent the order's dates change and the plan moves with them."""
    with transaction.atomic():
        order_id = DateChangeRequest.objects.values_list("order_id", flat=True).get(pk=change_id)
        order = lock_order(order_id)
        if not can_edit(order, user):
            raise ActionRefused(_("You may not change the dates of this order."))
        change = lock_row(DateChangeRequest, pk=change_id)
        change.order = order
        if change.status != DateChangeStatus.PROPOSED:
            raise ActionRefused(_("This date change has already been decided."))
        if party != change.consenting_party:
            raise ActionRefused(
                _(
                    "R6: a change the %(asker)s asked for takes effect only with the "
                    "%(consenter)s's consent."
                )
                % {
                    "asker": Party(change.requested_by).label.lower(),
                    "consenter": Party(change.consenting_party).label.lower(),
                }
            )
        if not agreed and not note.strip():
            raise ActionRefused(_("Please say what the other side answered."))
        perform(
            change,
            "agree" if agreed else "refuse",
            user=user,
            by=user,
            at=timezone.now(),
            note=note.strip(),
        )
        change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        if agreed:
            _apply(order, change)
        action = PlanEvent.DATE_CHANGE_AGREED if agreed else PlanEvent.DATE_CHANGE_REFUSED
        record_event(
            order,
            kind=EventKind.APPROVAL if agreed else EventKind.REJECTION,
            actor=user,
            action=action,
            message=event_message(
                gettext_noop("%(current)s → %(proposed)s (%(party)s)."),
                current=change.current_date,
                proposed=change.proposed_date,
                party=Party(party).label,
            ),
            comment=change.decision_note,
        )
    return change


def _apply(order, change: DateChangeRequest) -> None:
    delta = change.proposed_date - change.current_date
    if change.requested_by == Party.CUSTOMER:
        # The factory agreed to the customer's date: production moves with it.
        order.customer_date = change.proposed_date
        order.ex_factory_date = order.ex_factory_date + delta
    else:
        # The customer agreed to the factory's date; a later ex-factory date carries the
        # customer date along when it would otherwise pass it.
        order.ex_factory_date = change.proposed_date
        order.customer_date = max(order.customer_date, change.proposed_date)
    try:
        order.full_clean(exclude=["stage"])
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    save_order(order, update_fields=["customer_date", "ex_factory_date"])
    replan_dates(order=order)
