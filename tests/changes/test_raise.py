"""Raising a change request (R8): who may, when, the diff it shows, and one request per click."""

from datetime import date
from decimal import Decimal

import pytest

from orders.changes.choices import Aspect, ChangeStatus, LineChangeKind, Requester
from orders.changes.services import change_request_raise, change_request_update
from orders.choices import Stage
from orders.models import ChangeRequest
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.changes.conftest import at_stage, later, propose, raise_change
from tests.factories import make_order, make_team, make_user

pytestmark = pytest.mark.django_db


def test_r8_change_request_shows_each_changed_field_and_size_cell(order, merchandiser):
    change = raise_change(
        order,
        merchandiser,
        fields={"ex_factory_date": later(67).isoformat(), "finishing": "Enzyme wash"},
        lines={"Navy": {"sizes": {"S": 150, "M": 200, "L": 50}}},
        new_lines=[{"colour": "Red", "sizes": {"M": 100}, "unit_price": "5.80"}],
    )
    assert change.status == ChangeStatus.DRAFT
    assert change.number == 1 and str(change) == f"{order.po_number} CR-1"
    diff = change.diff()
    fields = {c.key: (c.before, c.after) for c in diff.fields}
    assert fields["ex_factory_date"] == (order.ex_factory_date.isoformat(), later(67).isoformat())
    assert fields["finishing"] == ("—", "Enzyme wash")
    navy = next(line for line in diff.lines if line.colour == "Navy")
    assert navy.kind == LineChangeKind.CHANGED
    assert {c.size: (c.before, c.after) for c in navy.cells if c.changed} == {
        "S": (100, 150),
        "L": (0, 50),
    }
    red = next(line for line in diff.lines if line.colour == "Red")
    assert (red.kind, red.quantity_before, red.quantity_after) == (LineChangeKind.ADDED, 0, 100)
    assert (diff.before.quantity, diff.after.quantity) == (500, 700)
    assert diff.before.amount.amount == Decimal("2750.00")
    assert diff.after.amount.amount == Decimal("3880.00")
    assert diff.aspects == {Aspect.QUANTITY, Aspect.DATES, Aspect.STYLE}
    event = order.events.get(action="change_raised")
    assert event.actor == merchandiser and "Navy: 300 → 400" in event.text


def test_r8_change_keeps_the_customers_document_number(order, merchandiser):
    change = raise_change(
        order,
        merchandiser,
        customer_reference="NW/CO/0415",
        lines={"Navy": {"sizes": {"S": 90, "M": 200}}},
    )
    assert change.customer_reference == "NW/CO/0415"
    assert change.customer_reference_date == date.today()


def test_r8_a_customers_change_needs_its_document_number(order, merchandiser):
    with pytest.raises(ActionRefused, match="customer's document"):
        raise_change(
            order,
            merchandiser,
            customer_reference="",
            lines={"Navy": {"sizes": {"S": 90, "M": 200}}},
        )
    assert not ChangeRequest.objects.exists()


def test_our_own_change_needs_no_customer_document(order, merchandiser):
    change = raise_change(
        order,
        merchandiser,
        requested_by=Requester.US,
        customer_reference="",
        fields={"composition": "100% cotton"},
    )
    assert change.diff().aspects == {Aspect.STYLE}


def test_a_second_request_is_numbered_on(order, merchandiser):
    raise_change(order, merchandiser, fields={"composition": "100% cotton"})
    second = raise_change(order, merchandiser, fields={"packing": "12 pcs"})
    assert second.number == 2


def test_change_that_changes_nothing_is_refused(order, merchandiser):
    with pytest.raises(ActionRefused, match="changes nothing"):
        raise_change(order, merchandiser)


@pytest.mark.parametrize("stage", [Stage.RECEIVED, Stage.IN_REVIEW, Stage.SHIPPING, Stage.SETTLED])
def test_r8_change_refused_before_approval_and_after_shipping(order, merchandiser, stage):
    order = at_stage(order, stage)
    with pytest.raises(ActionRefused, match="raised from the contract's approval"):
        raise_change(order, merchandiser, fields={"composition": "100% cotton"})


def test_an_order_on_hold_from_production_may_change(order, merchandiser):
    from orders.models import Order

    Order.objects.filter(pk=order.pk).update(stage=Stage.ON_HOLD, held_from=Stage.APPROVED)
    change = raise_change(order, merchandiser, fields={"composition": "100% cotton"})
    assert change.status == ChangeStatus.DRAFT


@pytest.mark.parametrize("role", [Role.QC, Role.WAREHOUSE, Role.FINANCE, Role.ADMINISTRATION])
def test_only_who_may_edit_the_order_raises_a_change(order, role):
    user = make_user(role)
    with pytest.raises(ActionRefused, match="may not change"):
        raise_change(order, user, fields={"composition": "100% cotton"})


def test_a_merchandiser_of_another_team_may_not_raise(order):
    other = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    with pytest.raises(ActionRefused):
        raise_change(order, other, fields={"composition": "100% cotton"})


def test_invalid_proposal_is_refused_with_the_orders_own_rule(order, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        raise_change(
            order,
            merchandiser,
            fields={
                "ex_factory_date": (
                    order.customer_date.replace(year=order.customer_date.year + 1)
                ).isoformat()
            },
        )
    assert "must not be after the customer date" in " ".join(refused.value.details)


def test_a_new_line_needs_its_colour(order, merchandiser):
    with pytest.raises(ActionRefused, match="colour"):
        raise_change(
            order, merchandiser, new_lines=[{"colour": "", "sizes": {"M": 10}, "unit_price": "5"}]
        )


def test_a_draft_can_be_edited_but_keeps_its_base(order, merchandiser):
    change = raise_change(order, merchandiser, fields={"composition": "100% cotton"})
    updated = change_request_update(
        change_id=change.pk,
        user=merchandiser,
        proposed=propose(order, fields={"composition": "95% cotton 5% elastane"}),
        requested_by=Requester.CUSTOMER,
        customer_reference="NW-CHG-8",
    )
    assert updated.base == change.base
    assert [c.after for c in updated.diff().fields] == ["95% cotton 5% elastane"]
    assert order.events.filter(action="change_edited").exists()


def test_cancelling_a_line_is_a_line_set_to_zero(order, merchandiser):
    change = raise_change(order, merchandiser, lines={"White": {"sizes": {"S": 0, "M": 0}}})
    white = next(line for line in change.diff().lines if line.colour == "White")
    assert (white.kind, white.quantity_after) == (LineChangeKind.CANCELLED, 0)


def test_proposed_quantities_never_negative(order, merchandiser):
    with pytest.raises(ActionRefused, match="negative"):
        change_request_raise(
            order_id=order.pk,
            user=merchandiser,
            proposed=propose(order, lines={"Navy": {"sizes": {"S": -5, "M": 200}}}),
            requested_by=Requester.US,
        )


def test_order_style_fields_are_entered_with_the_order(merchandiser):
    order = make_order(merchandiser=merchandiser, fabric="Cotton twill 2/1", composition="100% CO")
    assert order.revision == 1 and order.style_revision == 0
    assert order.fabric == "Cotton twill 2/1"
