"""QC's home page lists the booked inspections that wait for their report."""

import pytest
from django.urls import reverse

from tests.shipping.conftest import book_final, record

pytestmark = pytest.mark.django_db


def panel_of(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("orders:home")).content.decode()
    return page.split('id="panel-inspections_waiting"')[1].split("</section>")[0]


def test_qc_sees_a_booked_inspection_until_its_report_is_recorded(client, qc, inspecting):
    booking = book_final(inspecting, qc)

    panel = panel_of(client, qc)
    assert inspecting.po_number in panel
    assert reverse("shipping:report", args=[booking.pk]) in panel

    record(booking, qc)
    assert inspecting.po_number not in panel_of(client, qc)
