"""Found walking the seeded demo as each user (QA pass)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from orders.choices import Stage
from tests.factories import make_order
from tests.qa.conftest import in_stage

pytestmark = pytest.mark.django_db


def test_collections_group_thousands_and_name_the_merchandiser(client, merchandiser, finance):
    """Collections showed 153939.00 next to the order page's 15,105.00, and usernames."""
    merchandiser.first_name, merchandiser.last_name = "Ka Yan", "Chan"
    merchandiser.save()
    order = make_order(
        merchandiser=merchandiser,
        lines=[{"colour": "Navy", "size_breakdown": {"M": 3000}, "quantity": 3000,
                "unit_price": Decimal("5.50")}],
    )  # fmt: skip
    in_stage(order, Stage.SHIPPING)
    client.force_login(finance)
    page = client.get(reverse("shipping:collections")).content.decode()
    assert "16,500.00" in page and "16500.00" not in page
    # The orders behind a customer's row are one click away (listed on demand).
    orders = client.get(
        reverse("shipping:collections"),
        {"customer": order.customer_id, "currency": order.currency},
    ).content.decode()
    assert "Ka Yan Chan" in orders and order.po_number in orders
    assert "16,500.00" in orders
