"""Found walking the seeded demo as each user (QA pass)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from orders.choices import Stage
from tests.factories import make_order
from tests.qa.conftest import in_stage

pytestmark = pytest.mark.django_db


def test_a_shipped_order_is_not_late(client, merchandiser):
    """The home page's late panel listed orders already shipping, past their ex-factory date
    because they had left the factory."""
    past = timezone.localdate() - timedelta(days=8)
    shipped = in_stage(make_order(merchandiser=merchandiser, ex_factory_date=past), Stage.SHIPPING)
    producing = in_stage(
        make_order(merchandiser=merchandiser, ex_factory_date=past), Stage.IN_PRODUCTION
    )
    assert not shipped.is_late and producing.is_late

    client.force_login(merchandiser)
    late = client.get(reverse("orders:home")).context["home"].late
    assert [order.pk for order in late] == [producing.pk]
