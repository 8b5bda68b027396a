"""The open-complaints page and the order page's section do not grow in queries with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.complaints.builders import apply_return, file_complaint
from tests.factories import make_order

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_open_complaints_page_is_flat(client, order, merchandiser):
    file_complaint(order)
    client.force_login(merchandiser)
    url = reverse("complaints:open")
    count_queries(client, url)  # warms the per-process caches
    one = count_queries(client, url)
    for _ in range(4):
        file_complaint(make_order(merchandiser=merchandiser))
    assert count_queries(client, url) == one


def test_order_section_is_flat(client, order, merchandiser):
    file_complaint(order)
    apply_return(order)
    client.force_login(merchandiser)
    url = order.get_absolute_url()
    count_queries(client, url)  # warms the per-process caches (content types, gates)
    one = count_queries(client, url)
    for _ in range(3):
        file_complaint(order)
        apply_return(order)
    assert count_queries(client, url) == one


def test_timeline_names_complaint_events(client, order, merchandiser):
    file_complaint(order)
    client.force_login(merchandiser)
    assert "Complaint filed" in client.get(order.get_absolute_url()).content.decode()
