"""The materials screens: allowed and refused per role; the server refuses what the page hides."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from suppliers import services
from suppliers.models import FabricBooking, TrimCard
from tests.factories import make_order, make_team, make_user
from tests.suppliers.builders import booking_fields, make_booking, make_supplier, make_trim

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def booking_post(order) -> dict:
    fields = booking_fields(order)
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in fields.items()}
    data.update(currency="USD", price_unit="m", consumption_unit="m")
    return data


def test_merchandiser_books_fabric_through_the_screen(client, order, merchandiser):
    url = reverse("suppliers:fabric_new", args=[order.pk])
    assert login(client, merchandiser).get(url).status_code == 200
    response = client.post(url, booking_post(order))
    assert response.status_code == 302
    assert FabricBooking.objects.get().order == order


def test_finance_may_not_book_fabric(client, order, finance):
    url = reverse("suppliers:fabric_new", args=[order.pk])
    assert login(client, finance).get(url).status_code == 403
    assert login(client, finance).post(url, booking_post(order)).status_code == 403
    assert not FabricBooking.objects.exists()


def test_other_teams_merchandiser_gets_404(client, order):
    outsider = make_user("merchandiser", team=make_team())
    url = reverse("suppliers:fabric_new", args=[order.pk])
    assert login(client, outsider).get(url).status_code == 404


def test_r2_sign_screen_for_the_group_head_only(client, order, merchandiser, department_manager):
    booking = make_booking(order)
    url = reverse("suppliers:fabric_sign", args=[booking.pk])
    assert login(client, merchandiser).post(url, {}).status_code == 403
    assert login(client, department_manager).post(url, {}).status_code == 302
    assert FabricBooking.objects.get().signed_by == department_manager


def test_r2_send_screen_refuses_an_unsigned_booking(client, order, merchandiser):
    booking = make_booking(order)
    response = login(client, merchandiser).post(reverse("suppliers:fabric_send", args=[booking.pk]))
    assert response.status_code == 400
    assert "R2" in response.content.decode()


def test_trim_form_shows_the_missing_fields(client, order, merchandiser):
    url = reverse("suppliers:trim_new", args=[order.pk])
    response = login(client, merchandiser).post(
        url, {"description": "Zip", "source": "customer_nominated", "currency": "USD"}
    )
    assert response.status_code == 400
    assert "unit price" in response.content.decode()


def test_order_page_shows_the_materials_section(client, order, merchandiser):
    make_booking(order)
    response = login(client, merchandiser).get(order.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="materials"' in body and "Cotton poplin" in body
    assert "Not signed by the group head (R2)" in body


def test_r1_trim_cards_waiting_soonest_deadline_first(client, order, merchandiser, qc):
    later = make_order(merchandiser=merchandiser)
    for target, received in ((later, date(2026, 1, 12)), (order, date(2026, 1, 9))):
        trim = make_trim(target)
        services.procurement_update(
            material="trim",
            material_id=trim.pk,
            user=merchandiser,
            status="in_house",
            on=received,
        )
        services.trim_card_receive(order_id=target.pk, user=merchandiser, received_on=received)
    response = login(client, merchandiser).get(reverse("suppliers:trim_cards_waiting"))
    cards = list(response.context["page_obj"])
    assert [card.order_id for card in cards] == [order.pk, later.pk]
    assert cards[0].review_deadline < cards[1].review_deadline
    review = reverse("suppliers:trim_card_review", args=[cards[0].pk])
    assert review in response.content.decode()
    # QC sees the cards waiting but is not offered a check it may not make (it answered 403).
    page = login(client, qc).get(reverse("suppliers:trim_cards_waiting")).content.decode()
    assert str(order.po_number) in page and review not in page
    assert login(client, qc).get(review).status_code == 403
    outsider = make_user("merchandiser", team=make_team())
    response = login(client, outsider).get(reverse("suppliers:trim_cards_waiting"))
    assert list(response.context["page_obj"]) == []
    assert TrimCard.objects.count() == 2


def test_trim_card_review_screen_approves(client, order, merchandiser):
    trim = make_trim(order)
    services.procurement_update(
        material="trim",
        material_id=trim.pk,
        user=merchandiser,
        status="in_house",
        on=date.today() - timedelta(days=1),
    )
    card = services.trim_card_receive(order_id=order.pk, user=merchandiser)
    url = reverse("suppliers:trim_card_review", args=[card.pk])
    assert login(client, merchandiser).post(url, {"outcome": "approve"}).status_code == 302
    card.refresh_from_db()
    assert card.status == "approved"


def test_supplier_page_lists_its_orders(client, order, merchandiser):
    mill = make_supplier()
    make_booking(order, supplier=mill)
    response = login(client, merchandiser).get(reverse("suppliers:supplier_detail", args=[mill.pk]))
    assert order in list(response.context["orders"])
    response = client.get(reverse("suppliers:factory_detail", args=[order.factory_id]))
    assert order in list(response.context["orders"])
    assert client.get(reverse("suppliers:list")).status_code == 200
