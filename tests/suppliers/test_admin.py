"""Managers sign fabric bookings and edit holidays in the admin, through the services."""

import pytest
from django.urls import reverse

from suppliers.models import FabricBooking, Holiday
from tests.suppliers.builders import make_booking

pytestmark = pytest.mark.django_db


def test_r2_manager_signs_from_the_admin_and_it_is_recorded(client, order, department_manager):
    booking = make_booking(order)
    client.force_login(department_manager)
    response = client.post(
        reverse("admin:suppliers_fabricbooking_changelist"),
        {"action": "sign", "_selected_action": [booking.pk]},
    )
    assert response.status_code == 302
    assert FabricBooking.objects.get().signed_by == department_manager
    assert order.events.filter(action="fabric_booking_signed").exists()


def test_manager_edits_holidays_in_the_admin(client, department_manager):
    # Holidays are the office calendar's, kept in the orders admin (R1 reads them from there).
    client.force_login(department_manager)
    response = client.post(
        reverse("admin:orders_holiday_add"), {"date": "2026-10-01", "name": "National Day"}
    )
    assert response.status_code == 302
    assert Holiday.objects.filter(name="National Day").exists()


def test_merchandiser_cannot_reach_the_materials_admin(client, merchandiser):
    client.force_login(merchandiser)
    response = client.get(reverse("admin:suppliers_fabricbooking_changelist"))
    assert response.status_code == 302  # to the admin login
