"""Found walking the seeded demo as each user (QA pass)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_nav_reaches_trim_cards_suppliers_and_collections_for_who_may_see_them(
    client, merchandiser, finance
):
    """The trim cards waiting page, the suppliers and the collections page had no link."""
    client.force_login(finance)
    page = client.get(reverse("orders:home")).content.decode()
    for name in ("suppliers:trim_cards_waiting", "suppliers:list", "shipping:collections"):
        assert f'href="{reverse(name)}"' in page, name

    client.force_login(merchandiser)  # collections are refused to merchandisers: no dead link
    page = client.get(reverse("orders:home")).content.decode()
    assert f'href="{reverse("suppliers:trim_cards_waiting")}"' in page
    assert f'href="{reverse("shipping:collections")}"' not in page
