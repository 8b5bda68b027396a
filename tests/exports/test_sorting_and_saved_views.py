"""Every list sorts by a click on a column heading (one `sort` parameter, the same for the page
and its export), and a user keeps named views of a list's filters and sort."""

import re

import pytest
from django.urls import resolve

from orders.models import Order, SavedView
from orders.roles import Role
from orders.services.planning import plan_build
from orders.templatetags.gendan import without_rule_code
from tests.exports.conftest import csv_of
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LISTS = [
    "/orders/",
    "/reports/progress/",
    "/reports/plans/",
    "/shipping/tracking/",
    "/shipping/inspections/",
    "/complaints/list/",
    "/complaints/returns/",
]


def po_numbers(response) -> list[str]:
    """The P/O numbers of the order list's rows, top to bottom."""
    return re.findall(
        r'<td class="nowrap"><a href="/orders/\d+/">([^<]+)</a>', response.content.decode()
    )


def test_clicking_a_heading_sorts_the_order_list_and_clicking_again_reverses_it(
    client, merchandiser, two_teams
):
    client.force_login(merchandiser)
    body = client.get("/orders/").content.decode()
    link = re.search(r'<a class="sort" href="\?([^"]+)"[^>]*>Customer date</a>', body)
    assert link, "the Customer date heading is a link"
    ascending = client.get("/orders/?" + link.group(1).replace("&amp;", "&"))
    assert po_numbers(ascending) == ["Z-1", "A-2", "A-1"]
    assert 'aria-sort="ascending"' in ascending.content.decode()
    again = re.search(
        r'<a class="sort sorted" href="\?([^"]+)"[^>]*>Customer date ▲</a>',
        ascending.content.decode(),
    )
    descending = client.get("/orders/?" + again.group(1).replace("&amp;", "&"))
    assert po_numbers(descending) == ["A-1", "A-2", "Z-1"]


def test_sorting_keeps_the_filters_and_the_export_lists_the_rows_the_same_way(
    client, merchandiser, two_teams
):
    client.force_login(merchandiser)
    acme = two_teams[0][0].customer_id
    page = client.get("/orders/", {"customer": acme, "sort": "-po_number"})
    assert po_numbers(page) == ["A-2", "A-1"]
    rows = csv_of(client.get("/orders/", {"customer": acme, "sort": "-po_number", "export": "csv"}))
    assert [row[0] for row in rows[1:]] == ["A-2", "A-1"]


def test_an_unknown_sort_is_ignored_not_an_error(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    response = client.get("/orders/", {"sort": "merchandiser__password"})
    assert response.status_code == 200
    assert po_numbers(response) == ["Z-1", "A-2", "A-1"]  # the list's own order: ex-factory


@pytest.mark.parametrize("url", LISTS)
def test_every_list_sorts_by_each_of_its_sortable_columns_both_ways(
    client, department_manager, two_teams, url
):
    table_class = resolve(url).func.view_class.table_class
    keys = table_class(department_manager).sort_keys()
    assert keys, f"{url} has no sortable column"
    client.force_login(department_manager)
    for key in sorted(keys):
        for sort in (key, f"-{key}"):
            response = client.get(url, {"sort": sort})
            assert response.status_code == 200, (url, sort)
            assert client.get(url, {"sort": sort, "export": "csv"}).status_code == 200


def test_the_order_list_shows_the_next_milestone_and_whom_it_waits_for(
    client, merchandiser, two_teams
):
    order = two_teams[0][0]
    plan_build(order=order, user=merchandiser)
    first_open = order.milestones.filter(actual_date=None).order_by("position", "id").first()
    client.force_login(merchandiser)
    body = client.get("/orders/", {"q": order.po_number}).content.decode()
    # The list names the milestone as a reader knows it, without our rule code.
    assert without_rule_code(first_open.label) in body and "(R" not in without_rule_code(
        first_open.label
    )
    waiting = Role(first_open.owner_role).label
    assert f'<td title="{waiting}">{waiting}</td>' in body
    rows = csv_of(client.get("/orders/", {"q": order.po_number, "export": "csv"}))
    header = rows[0]
    assert rows[1][header.index("Next milestone")] == str(first_open.label)


def save_view(client, name, query, path="/orders/"):
    return client.post("/views/save/", {"path": path, "query": query, "name": name}, follow=True)


def test_a_saved_view_reopens_the_same_filters_and_sort(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    acme = two_teams[0][0].customer_id
    response = save_view(client, "Acme, latest first", f"customer={acme}&sort=-po_number&page=2")
    assert "View “Acme, latest first” saved." in response.content.decode()
    view = SavedView.objects.get(user=merchandiser)
    assert view.query == f"customer={acme}&sort=-po_number"  # not the page it was on
    assert po_numbers(response) == ["A-2", "A-1"]
    body = client.get("/orders/").content.decode()
    assert f'href="/orders/?customer={acme}&amp;sort=-po_number"' in body


def test_saving_under_the_same_name_replaces_the_view(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    save_view(client, "Mine", "sort=po_number")
    save_view(client, "Mine", "sort=-po_number")
    assert list(SavedView.objects.values_list("name", "query")) == [("Mine", "sort=-po_number")]


def test_views_are_each_users_own(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    save_view(client, "Mine", "sort=po_number")
    colleague = make_user(Role.MERCHANDISER, team=merchandiser.profile.team)
    client.force_login(colleague)
    assert "Mine" not in client.get("/orders/").content.decode()
    view = SavedView.objects.get()
    assert client.post(f"/views/{view.pk}/delete/").status_code == 404
    assert SavedView.objects.filter(pk=view.pk).exists()


def test_deleting_a_view(client, merchandiser, two_teams):
    client.force_login(merchandiser)
    save_view(client, "Old", "sort=po_number")
    view = SavedView.objects.get()
    response = client.post(f"/views/{view.pk}/delete/", follow=True)
    assert "View “Old” deleted." in response.content.decode()
    assert not SavedView.objects.exists()


@pytest.mark.parametrize(
    ("name", "path", "message"),
    [
        ("  ", "/orders/", "Give the view a name."),
        ("x" * 81, "/orders/", "The view&#x27;s name is too long."),
        ("Home", "/", "Only a list can be saved as a view."),
        ("Elsewhere", "https://evil.example/orders/", "Only a list can be saved as a view."),
    ],
)
def test_a_view_that_cannot_be_saved_says_why(client, merchandiser, name, path, message):
    client.force_login(merchandiser)
    response = save_view(client, name, "sort=po_number", path=path)
    assert message in response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/")
    assert not SavedView.objects.exists()


def test_saved_views_are_on_every_list(client, department_manager):
    client.force_login(department_manager)
    for url in LISTS:
        assert "Save view" in client.get(url).content.decode(), url


def test_sorting_an_empty_list(client, merchandiser):
    client.force_login(merchandiser)
    assert not Order.objects.exists()
    assert client.get("/orders/", {"sort": "-annotated_amount"}).status_code == 200
