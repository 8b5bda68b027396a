"""The timeline names every event in words, whichever app recorded it."""

import pytest
from django.urls import reverse

from orders.gates import satisfy_gates
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def test_events_of_other_apps_show_their_registered_labels(
    client, settings, merchandiser, department_manager
):
    settings.SECURE_SSL_REDIRECT = False
    order = make_order(merchandiser=merchandiser)
    satisfy_gates(order, "start_production")  # samples, materials: events recorded by those apps
    actions = set(order.events.values_list("action", flat=True))
    assert "sample_approved" in actions

    client.force_login(merchandiser)
    page = client.get(reverse("orders:detail", args=[order.pk])).content.decode()

    assert "Sample approved" in page
    for action in actions - {""}:
        assert f">{action}<" not in page, f"timeline shows the raw code {action}"
