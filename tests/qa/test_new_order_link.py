"""Found walking the seeded demo as each user (QA pass): QC, warehouse, finance and
administration were offered "New order", filled the form, and were refused on saving."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_new_order_is_offered_only_to_who_may_enter_orders(client, merchandiser, qc, finance):
    create = f'href="{reverse("orders:create")}"'
    client.force_login(merchandiser)
    assert create in client.get(reverse("orders:list")).content.decode()

    for user in (qc, finance):
        client.force_login(user)
        for page in ("orders:home", "orders:list"):
            assert create not in client.get(reverse(page)).content.decode()
