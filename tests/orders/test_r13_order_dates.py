"""R13: a new order is planned from its dates, so an ex-factory or customer date already gone is
refused with the field named — on the form and in a P/O import; a manager may enter an old order
for the record, which gets no plan to chase."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from orders.models import Order
from orders.services.orders import r13_new_order_dates_not_in_past
from tests.factories import make_customer, make_factory
from tests.orders.test_views import order_post_data

pytestmark = pytest.mark.django_db

LONG_AGO = date(2020, 3, 2)


def test_r13_new_order_dates_not_in_past():
    today = date(2026, 11, 27)
    order = Order(ex_factory_date=LONG_AGO, customer_date=today)

    with pytest.raises(ValidationError) as refused:
        r13_new_order_dates_not_in_past(order, today=today)

    assert set(refused.value.message_dict) == {"ex_factory_date"}
    assert "in the past" in refused.value.message_dict["ex_factory_date"][0]
    r13_new_order_dates_not_in_past(Order(ex_factory_date=today, customer_date=today), today=today)


def test_a_merchandiser_is_told_the_ex_factory_date_is_in_the_past(client, merchandiser):
    client.force_login(merchandiser)
    data = order_post_data(
        customer=make_customer(), factory=make_factory(), ex_factory_date=LONG_AGO.isoformat()
    )

    response = client.post(reverse("orders:create"), data)

    assert response.status_code == 200
    assert not Order.objects.exists()
    errors = response.context["form"].errors
    assert "in the past" in errors["ex_factory_date"][0]
    assert 'name="for_the_record"' not in response.content.decode()  # a manager's choice


def test_a_merchandiser_cannot_choose_for_the_record(client, merchandiser):
    client.force_login(merchandiser)
    data = order_post_data(
        customer=make_customer(),
        factory=make_factory(),
        ex_factory_date=LONG_AGO.isoformat(),
        customer_date=LONG_AGO.isoformat(),
        for_the_record="on",
    )
    client.post(reverse("orders:create"), data)
    assert not Order.objects.exists()


def test_a_manager_enters_an_old_order_for_the_record_without_a_plan(client, department_manager):
    client.force_login(department_manager)
    page = client.get(reverse("orders:create")).content.decode()
    assert 'name="for_the_record"' in page
    data = order_post_data(
        customer=make_customer(),
        factory=make_factory(),
        order_date=(LONG_AGO - timedelta(days=60)).isoformat(),
        ex_factory_date=LONG_AGO.isoformat(),
        customer_date=LONG_AGO.isoformat(),
        for_the_record="on",
    )

    client.post(reverse("orders:create"), data)

    order = Order.objects.get()
    assert order.ex_factory_date == LONG_AGO
    assert not order.milestones.exists()  # nothing to chase, no "2,000 days late" digest


@pytest.mark.parametrize("field", ["customer_date", "ex_factory_date"])
def test_a_date_typed_years_ahead_is_a_form_error_not_a_500(client, merchandiser, field):
    """9999 for 2027: the plan counts working days around the dates and ran off the calendar."""
    client.force_login(merchandiser)
    data = order_post_data(customer=make_customer(), factory=make_factory())
    data[field] = "9999-12-31"

    response = client.post(reverse("orders:create"), data)

    assert response.status_code == 200
    assert not Order.objects.exists()
    assert "years ahead: please check the year" in response.context["form"].errors[field][0]
