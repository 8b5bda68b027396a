"""R23: shipping marks are confirmed by the customer; a missing confirmation near the date is
flagged, and changed marks need a new confirmation."""

from datetime import date, timedelta

import pytest

from orders.services.common import ActionRefused
from shipping import rules
from shipping.services import shipping_marks_confirm, shipping_marks_save

pytestmark = pytest.mark.django_db


def test_r23_missing_confirmation_flagged_close_to_the_ex_factory_date(order, merchandiser):
    near = order.ex_factory_date - timedelta(days=rules.marks_warning_days())
    assert not rules.shipping_marks_flagged(order, today=near - timedelta(days=1))
    assert rules.shipping_marks_flagged(order, today=near)
    shipping_marks_save(order_id=order.pk, user=merchandiser, main_marks="ACME\nPO 123\nC/NO.")
    assert rules.shipping_marks_flagged(order, today=near)
    shipping_marks_confirm(
        order_id=order.pk, user=merchandiser, confirmed_on=date.today(), confirmed_by="Jane (buyer)"
    )
    assert not rules.shipping_marks_flagged(order, today=near)


def test_r23_changed_marks_need_a_new_confirmation(order, merchandiser):
    shipping_marks_save(order_id=order.pk, user=merchandiser, main_marks="ACME")
    shipping_marks_confirm(
        order_id=order.pk, user=merchandiser, confirmed_on=date.today(), confirmed_by="Jane"
    )
    marks = shipping_marks_save(order_id=order.pk, user=merchandiser, main_marks="ACME NEW")
    assert not marks.confirmed


def test_r23_confirmation_needs_marks_and_a_name(order, merchandiser, qc):
    with pytest.raises(ActionRefused):
        shipping_marks_confirm(
            order_id=order.pk, user=merchandiser, confirmed_on=date.today(), confirmed_by="Jane"
        )
    with pytest.raises(ActionRefused):
        shipping_marks_save(order_id=order.pk, user=qc, main_marks="ACME")
