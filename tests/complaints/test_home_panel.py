"""Issue 7: open complaints and their age show on the merchandiser's home page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint
from tests.complaints.builders import file_complaint
from tests.factories import make_order, make_team, make_user

pytestmark = pytest.mark.django_db


def home_page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("orders:home")).content.decode()


def test_home_lists_the_teams_open_complaints_with_their_age(client, merchandiser, order):
    complaint = file_complaint(order)
    Complaint.objects.filter(pk=complaint.pk).update(
        received_on=timezone.localdate() - timedelta(days=12)
    )

    page = home_page(client, merchandiser)

    assert 'id="panel-open_complaints"' in page
    assert order.po_number in page.split('id="panel-open_complaints"')[1]
    assert "oldest 12 days" in page


def test_home_leaves_out_other_teams_complaints(client, order):
    file_complaint(order)
    outsider = make_user("merchandiser", team=make_team("Wovens"))
    make_order(merchandiser=outsider)

    panel = home_page(client, outsider).split('id="panel-open_complaints"')[1]

    assert order.po_number not in panel
    assert "No open complaints." in panel


def test_home_page_title_is_just_the_page_name(client, merchandiser):
    page = home_page(client, merchandiser)
    title = page.split("<title>")[1].split("</title>")[0]
    assert "milestone" not in title.lower() and len(title) < 60
