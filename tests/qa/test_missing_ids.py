"""Every URL of the site, with an id that names nothing (or a forged token), answers 404 — never
a server error — to a GET and to a POST, for a manager who may see every order."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter

from orders.roles import Role
from tests.factories import make_order, make_user
from tests.form_filler import valid_data

pytestmark = pytest.mark.django_db

MISSING_ID = 987654
# A string in the URL that names a kind of thing the site has, so the id is what is missing.
KNOWN_WORDS = {"code": "F-ORD-001", "step": "approve", "name": "submit"}


def _patterns(resolver: URLResolver, prefix: str = "", converters: dict | None = None):
    """Every route with the converters of all its parts (an include's prefix names ids too)."""
    for entry in resolver.url_patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # Django's admin answers a missing object with its own redirect
            yield from _patterns(entry, prefix + str(entry.pattern), found)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), found


def _with_missing_ids(route: str, converters: dict) -> str | None:
    if not converters:
        return None
    url = route
    for name, converter in converters.items():
        if isinstance(converter, IntConverter):
            value = MISSING_ID
        else:
            value = KNOWN_WORDS.get(name, "missing")
        url = re.sub(rf"<(\w+:)?{name}>", str(value), url)
    return "/" + url.lstrip("^").rstrip("$")


URLS = sorted(
    {url for route, conv in _patterns(get_resolver()) if (url := _with_missing_ids(route, conv))}
)
# The order exists and the user sees it; what the rest of the URL names does not exist.
ORDER_PREFIX = f"/orders/{MISSING_ID}/"
ON_AN_ORDER = [
    url for url in URLS if url.startswith(ORDER_PREFIX) and url.count(str(MISSING_ID)) > 1
]


def test_the_walk_covers_the_urls_with_ids():
    assert len(URLS) > 40
    assert f"/orders/{MISSING_ID}/milestones/{MISSING_ID}/done/" in URLS


@pytest.fixture
def manager_client(db):
    client = Client(raise_request_exception=False)
    client.force_login(make_user(Role.GENERAL_MANAGER, is_staff=True))
    return client


def _answers(client, url) -> dict:
    """GET, an empty POST, and the POST of the view's form filled in validly."""
    answers = {method: getattr(client, method)(url).status_code for method in ("get", "post")}
    form_class = getattr(getattr(resolve(url).func, "view_class", None), "form_class", None)
    if form_class is not None:
        answers["valid post"] = client.post(url, _valid_data_of(form_class)).status_code
    return answers


def _valid_data_of(form_class) -> dict:
    """A valid filling of the form; a form built on its object (a return's lines) has none
    without it, and the view must answer 404 before it builds that form."""
    try:
        return valid_data(form_class())
    except TypeError:
        return {}


@pytest.mark.parametrize("url", [url for url in URLS if "/missing/" not in url])
def test_a_missing_id_is_not_found(manager_client, url):
    answers = _answers(manager_client, url)
    assert all(status in (404, 405) for status in answers.values()), answers
    assert 404 in answers.values(), answers


@pytest.mark.parametrize("url", [url for url in URLS if "/missing/" in url])
def test_a_forged_link_is_refused_with_a_page(manager_client, url):
    answers = _answers(manager_client, url)
    assert all(status in (400, 404, 405) for status in answers.values()), answers


def test_the_walk_includes_ids_under_an_existing_order():
    assert f"{ORDER_PREFIX}milestones/{MISSING_ID}/done/" in ON_AN_ORDER


@pytest.mark.parametrize("url", ON_AN_ORDER)
def test_a_missing_id_under_an_existing_order_is_not_found(manager_client, merchandiser, url):
    order = make_order(merchandiser=merchandiser)
    url = url.replace(ORDER_PREFIX, f"/orders/{order.pk}/", 1)
    answers = _answers(manager_client, url)
    # An empty POST is refused for its missing fields before the id is looked up.
    assert all(status < 500 for status in answers.values()), answers
    assert answers["valid post"] == 404, answers
