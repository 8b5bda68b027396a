"""Found walking the seeded demo as each user (QA pass): the trim card check (R1) opened with
"Please correct the errors below." before anything was entered, because the form's field named
`errors` hid the form's own errors from the template."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from suppliers import services
from suppliers.models import TrimCard
from tests.factories import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def card(merchandiser):
    order = make_order(merchandiser=merchandiser)
    day = timezone.localdate() - timedelta(days=1)
    trim = services.trim_create(
        order_id=order.pk, user=merchandiser, description="Main label", source="factory",
        trim_sample="Woven label", order_date=day, in_house_date=day,
    )  # fmt: skip
    services.procurement_update(
        material="trim", material_id=trim.pk, user=merchandiser, status="in_house", on=day
    )
    return services.trim_card_receive(order_id=order.pk, user=merchandiser)


def test_the_check_opens_without_an_error_banner(client, merchandiser, card):
    client.force_login(merchandiser)
    page = client.get(reverse("suppliers:trim_card_review", args=[card.pk])).content.decode()
    assert "Please correct the errors below." not in page


def test_returning_the_card_keeps_the_errors_written(client, merchandiser, card):
    client.force_login(merchandiser)
    url = reverse("suppliers:trim_card_review", args=[card.pk])
    data = {"outcome": "return", "errors_found": "Care label missing the wash symbols"}
    assert client.post(url, data).status_code == 302
    card = TrimCard.objects.get(pk=card.pk)
    assert card.status == "returned" and "wash symbols" in card.errors
