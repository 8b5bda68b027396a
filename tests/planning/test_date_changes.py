"""R6: a delivery-date change takes effect only with the other side's consent."""

from datetime import date

import pytest

from orders.models import DateChangeRequest
from orders.planning.choices import DateChangeKind, DateChangeStatus, Party
from orders.planning.selectors import lateness_by_responsibility
from orders.services.common import ActionRefused
from orders.services.date_changes import date_change_decide, date_change_request
from tests.factories import fresh
from tests.planning.conftest import milestone

pytestmark = pytest.mark.django_db


def ask(order, user, requested_by, proposed, responsible=Party.FACTORY):
    return date_change_request(
        order_id=order.pk,
        user=user,
        requested_by=requested_by,
        proposed_date=proposed,
        reason="Fabric mill delayed the bulk fabric",
        responsible=responsible,
    )


def test_r6_factory_delay_takes_effect_when_the_customer_agrees(planned_order, merchandiser):
    change = ask(planned_order, merchandiser, Party.FACTORY, date(2026, 5, 20))
    assert change.kind == DateChangeKind.FACTORY_DELAY
    assert fresh(planned_order).ex_factory_date == date(2026, 4, 30)  # nothing changed yet
    date_change_decide(
        change_id=change.pk, user=merchandiser, party=Party.CUSTOMER, agreed=True, note="OK"
    )
    order = fresh(planned_order)
    assert order.ex_factory_date == date(2026, 5, 20)
    # The customer date moves along so the ex-factory date does not pass it.
    assert order.customer_date == date(2026, 5, 20)
    assert milestone(order, "ex_factory").planned_date == date(2026, 5, 20)
    actions = list(order.events.values_list("action", flat=True))
    assert "date_change_requested" in actions and "date_change_agreed" in actions


def test_r6_factory_cannot_consent_to_its_own_request(planned_order, merchandiser):
    change = ask(planned_order, merchandiser, Party.FACTORY, date(2026, 4, 20))
    assert change.kind == DateChangeKind.EARLY_SHIPMENT
    with pytest.raises(ActionRefused, match="R6"):
        date_change_decide(change_id=change.pk, user=merchandiser, party=Party.FACTORY, agreed=True)
    assert fresh(planned_order).ex_factory_date == date(2026, 4, 30)


def test_r6_customer_new_date_needs_the_factory(planned_order, merchandiser):
    change = ask(planned_order, merchandiser, Party.CUSTOMER, date(2026, 5, 29), Party.CUSTOMER)
    with pytest.raises(ActionRefused, match="R6"):
        date_change_decide(
            change_id=change.pk, user=merchandiser, party=Party.CUSTOMER, agreed=True
        )
    date_change_decide(change_id=change.pk, user=merchandiser, party=Party.FACTORY, agreed=True)
    order = fresh(planned_order)
    assert order.customer_date == date(2026, 5, 29)
    assert order.ex_factory_date == date(2026, 5, 14)  # moved by the same two weeks


def test_r6_refusal_keeps_the_dates_and_the_history(planned_order, merchandiser):
    change = ask(planned_order, merchandiser, Party.FACTORY, date(2026, 5, 20))
    with pytest.raises(ActionRefused):  # a refusal says what the other side answered
        date_change_decide(
            change_id=change.pk, user=merchandiser, party=Party.CUSTOMER, agreed=False
        )
    date_change_decide(
        change_id=change.pk,
        user=merchandiser,
        party=Party.CUSTOMER,
        agreed=False,
        note="The season's launch cannot move",
    )
    assert DateChangeRequest.objects.get().status == DateChangeStatus.REFUSED
    assert fresh(planned_order).ex_factory_date == date(2026, 4, 30)
    assert planned_order.events.filter(action="date_change_refused").exists()
    with pytest.raises(ActionRefused):
        date_change_decide(
            change_id=change.pk, user=merchandiser, party=Party.CUSTOMER, agreed=True
        )


def test_r6_one_open_request_at_a_time(planned_order, merchandiser):
    ask(planned_order, merchandiser, Party.FACTORY, date(2026, 5, 20))
    with pytest.raises(ActionRefused):
        ask(planned_order, merchandiser, Party.CUSTOMER, date(2026, 5, 29))


def test_r6_lateness_report_splits_by_responsibility(planned_order, merchandiser):
    from orders.models import Order

    change = ask(planned_order, merchandiser, Party.FACTORY, date(2026, 5, 10), Party.FACTORY)
    date_change_decide(change_id=change.pk, user=merchandiser, party=Party.CUSTOMER, agreed=True)
    change = ask(planned_order, merchandiser, Party.CUSTOMER, date(2026, 6, 1), Party.CUSTOMER)
    date_change_decide(change_id=change.pk, user=merchandiser, party=Party.FACTORY, agreed=True)
    rows, changes = lateness_by_responsibility(Order.objects.all())
    days = {row.responsible: row.days for row in rows}
    assert days == {Party.FACTORY: 10, Party.CUSTOMER: 17, Party.US: 0}
    assert len(changes) == 2


def test_r6_lateness_report_sums_every_change_and_lists_the_latest(planned_order, merchandiser):
    """The totals count every agreed change; the list shows only the newest `limit`."""
    from orders.models import Order

    for day, party in ((10, Party.FACTORY), (20, Party.FACTORY), (30, Party.CUSTOMER)):
        change = ask(planned_order, merchandiser, party, date(2026, 5, day), party)
        other = Party.CUSTOMER if party == Party.FACTORY else Party.FACTORY
        date_change_decide(change_id=change.pk, user=merchandiser, party=other, agreed=True)
    rows, changes = lateness_by_responsibility(Order.objects.all(), limit=2)
    assert {row.responsible: (row.changes, row.orders) for row in rows} == {
        Party.FACTORY: (2, 1), Party.CUSTOMER: (1, 1), Party.US: (0, 0)
    }  # fmt: skip
    assert [c.proposed_date.day for c in changes] == [30, 20]
    every = change.__class__.objects.all()
    assert sum(row.days for row in rows) == sum(c.days_moved for c in every) > 0
