"""Every action form of every app, as the demo office's people see them on its pages, filled in
and submitted: each answers a page or a redirect, never a server error."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from complaints.models import Complaint, ReturnApplication
from orders.models import Order
from samples.models import SampleRequest
from tests.html_forms import browser_form_fields
from tests.orders.test_seed_demo import demo, seed  # noqa: F401  (the demo, seeded once)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

ROLES = ("merch", "manager", "gm", "admin_clerk", "finance", "qc", "warehouse", "warehouse_head")
NOT_ACTIONS = {"logout", "set_language", "login"}
DATE_NAMES = re.compile(r"(date|_on$|^on$|^etd$|^eta$|_by$)")
NUMBER_NAMES = re.compile(r"(amount|quantity|qty|lot|cartons|pieces|weight|length|width|height|"
                          r"critical|major|minor|percent|number_of|count|price)")  # fmt: skip


class _Actions(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            attributes = dict(attrs)
            post = (attributes.get("method") or "get").lower() == "post"
            self.forms.append(attributes.get("action") if post else "")


def _filled(name: str, value: str) -> str:
    if value:
        return value
    if DATE_NAMES.search(name):
        return (timezone.localdate() + timedelta(days=30)).isoformat()
    if NUMBER_NAMES.search(name):
        return "1"
    return "Checked"


def _pages() -> list[str]:
    orders = {}
    for order in Order.objects.order_by("pk"):
        orders.setdefault(order.stage, order)
    pages = [order.get_absolute_url() for order in orders.values()]
    for model in (SampleRequest, Complaint, ReturnApplication):
        pages += [obj.get_absolute_url() for obj in model.objects.order_by("pk")[:3]]
    return pages


def test_every_action_form_answers_a_page_or_a_redirect():
    users = get_user_model().objects.in_bulk(ROLES, field_name="username")
    submitted, failures, seen = 0, [], set()
    for username in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(users[username])
        for page in _pages():
            html = client.get(page).content.decode()
            parser = _Actions()
            parser.feed(html)
            for index, action in enumerate(parser.forms):
                if action == "":
                    continue  # a GET form (filters)
                target = action or page
                try:
                    match = resolve(target.split("?")[0])
                except Resolver404:
                    failures.append((username, page, target, "no such URL"))
                    continue
                key = (username, match.view_name)
                if match.url_name in NOT_ACTIONS or key in seen:
                    continue
                seen.add(key)
                data = {
                    name: _filled(name, value) for name, value in browser_form_fields(html, index)
                }
                status = client.post(target, data).status_code
                submitted += 1
                if status >= 500:
                    failures.append((username, page, match.view_name, status))
    print(f"\n{submitted} action forms submitted, {len(failures)} server errors")
    assert submitted > 60
    assert failures == []
