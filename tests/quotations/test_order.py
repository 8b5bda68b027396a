"""R18 → order: a won quotation becomes an order in Received with its customer, style, terms
and quoted price; the contract review shows the estimated cost and margin beside the price."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from orders.choices import Stage
from orders.quotations.models import Quotation
from orders.quotations.services import (
    quotation_approve,
    quotation_create_order,
    quotation_send,
    quotation_submit,
    quotation_win,
)
from orders.services.common import ActionRefused
from tests.factories import make_factory, make_order
from tests.quotations.builders import make_quotation

pytestmark = pytest.mark.django_db


@pytest.fixture
def won(merchandiser, customer, department_manager):
    quotation = make_quotation(user=merchandiser, customer=customer, incoterm="CIF")
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    quotation_approve(quotation_id=quotation.pk, user=department_manager)
    quotation_send(quotation_id=quotation.pk, user=merchandiser)
    return quotation_win(quotation_id=quotation.pk, user=merchandiser)


def _order_fields(**extra):
    today = date.today()
    return {
        "po_number": "NA-4471",
        "factory_id": make_factory().pk,
        "order_date": today,
        "customer_date": today + timedelta(days=90),
        "ex_factory_date": today + timedelta(days=80),
        "colour": "White",
        "quantity": 1200,
        **extra,
    }


def test_r18_won_quotation_becomes_an_order_in_received(won, merchandiser, customer):
    order = quotation_create_order(quotation_id=won.pk, user=merchandiser, **_order_fields())
    assert order.stage == Stage.RECEIVED
    assert (order.customer, order.style_no, order.currency, order.incoterm) == (
        customer,
        "ST-700",
        "USD",
        "CIF",
    )
    assert order.commission  # the costing pays a commission: R10 asks the GM
    line = order.lines.get()
    assert (line.quantity, line.unit_price) == (1200, Decimal("6.5000"))  # the 500-pcs break
    assert Quotation.objects.get(pk=won.pk).order == order
    assert order.events.filter(kind="created").exists()
    with pytest.raises(ActionRefused, match="already became order"):
        quotation_create_order(
            quotation_id=won.pk, user=merchandiser, **_order_fields(po_number="X")
        )


def test_r18_the_biggest_break_reached_sets_the_price(won, merchandiser):
    order = quotation_create_order(
        quotation_id=won.pk, user=merchandiser, **_order_fields(quantity=2500)
    )
    assert order.lines.get().unit_price == Decimal("6.0000")


def test_r18_below_the_smallest_break_is_refused(won, merchandiser):
    with pytest.raises(ActionRefused, match="start at 500 pcs"):
        quotation_create_order(
            quotation_id=won.pk, user=merchandiser, **_order_fields(quantity=200)
        )
    assert Quotation.objects.get(pk=won.pk).order is None


def test_r18_only_a_won_quotation_becomes_an_order(merchandiser, customer):
    draft = make_quotation(user=merchandiser, customer=customer)
    with pytest.raises(ActionRefused, match="Only a won"):
        quotation_create_order(quotation_id=draft.pk, user=merchandiser, **_order_fields())


def test_r18_a_taken_po_number_is_refused_and_nothing_half_written(won, merchandiser, customer):
    make_order(merchandiser=merchandiser, customer=customer, po_number="NA-4471")
    with pytest.raises(ActionRefused, match="NA-4471"):
        quotation_create_order(quotation_id=won.pk, user=merchandiser, **_order_fields())
    assert Quotation.objects.get(pk=won.pk).order is None


def test_r18_contract_review_shows_estimated_cost_and_margin(client, won, merchandiser):
    client.force_login(merchandiser)
    response = client.post(
        reverse("quotations:action", args=[won.pk, "create_order"]),
        {**_order_fields(), "factory": _order_fields()["factory_id"]},
    )
    order = Quotation.objects.get(pk=won.pk).order
    assert response.url == order.get_absolute_url()
    page = client.get(order.get_absolute_url()).content.decode()
    # (30.00 + 3.60 + 1,440 / 1,200) / 7.20 = 4.8333, + 5 % of 6.50 → 5.1583; margin 20.64 %
    assert "Quotation, estimated cost and margin" in page
    assert "USD 5.1583" in page and "20.64 %" in page and won.label in page


def test_r18_order_without_quotation_says_no_cost_is_known(client, merchandiser):
    order = make_order(merchandiser=merchandiser)
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "no estimated cost is known" in page


def test_r18_qc_sees_the_order_but_not_its_quotation_or_margin(client, won, merchandiser, qc):
    client.force_login(merchandiser)
    client.post(
        reverse("quotations:action", args=[won.pk, "create_order"]),
        {**_order_fields(), "factory": _order_fields()["factory_id"]},
    )
    order = Quotation.objects.get(pk=won.pk).order
    client.force_login(qc)
    page = client.get(order.get_absolute_url()).content.decode()
    assert won.get_absolute_url() not in page  # no link QC could only meet as a 404
    assert "20.64 %" not in page and "USD 5.1583" not in page
    assert "shown to the commercial staff only" in page


@pytest.mark.parametrize("signer", ["department_manager", "administration", "general_manager"])
def test_r18_the_r10_chain_sees_estimated_cost_and_margin(
    client, request, won, merchandiser, signer
):
    """Whoever signs the contract review (R10) reads the estimate beside the price while the
    order waits for their signature."""
    from orders.services.transitions import order_transition
    from tests.factories import tick_contract

    order = quotation_create_order(quotation_id=won.pk, user=merchandiser, **_order_fields())
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    client.force_login(request.getfixturevalue(signer))
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Quotation, estimated cost and margin" in page
    assert "USD 5.1583" in page and "20.64 %" in page and won.get_absolute_url() in page
