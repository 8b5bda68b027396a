"""The change request's pages as the merchandiser and the approvers use them: raise from the order
page, the diff and impact on the request's page, each step's form, the home page of whoever is
next, in the three languages."""

import pytest
from django.urls import reverse

from orders.changes.choices import ChangeStatus
from orders.models import ChangeRequest
from tests.changes.conftest import at_stage, line, raise_change
from tests.factories import fresh
from tests.html_forms import browser_form_data, form_index_with_field

pytestmark = pytest.mark.django_db


def reload(change) -> ChangeRequest:
    return ChangeRequest.objects.get(pk=change.pk)


def raise_form(order, **changes) -> dict:
    navy, white = line(order, "Navy"), line(order, "White")
    data = {
        "requested_by": "customer",
        "customer_reference": "NW-CHG-9",
        "customer_reference_date": "2026-11-20",
        "reason": "Customer cuts size S of Navy",
        "f_description": order.description,
        "f_fabric": order.fabric,
        "f_composition": order.composition,
        "f_finishing": order.finishing,
        "f_packing": order.packing,
        "f_ex_factory_date": order.ex_factory_date.isoformat(),
        "f_customer_date": order.customer_date.isoformat(),
        "f_payment_terms": order.payment_terms,
        "f_deposit_percent": str(order.deposit_percent),
        "f_incoterm": order.incoterm,
        f"line_{navy.pk}_sizes": "S:100, M:200",
        f"line_{navy.pk}_price": "5.50",
        f"line_{white.pk}_sizes": "S:80, M:120",
        f"line_{white.pk}_price": "5.50",
    }
    data.update(changes)
    return data


def test_r8_request_a_change_from_the_order_page(client, order, merchandiser):
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert reverse("orders:change_raise", args=[order.pk]) in page

    navy = line(order, "Navy")
    response = client.post(
        reverse("orders:change_raise", args=[order.pk]),
        raise_form(
            order,
            **{
                f"line_{navy.pk}_sizes": "S:50, M:200",
                "new_0_colour": "Red",
                "new_0_sizes": "M:60",
                "new_0_price": "5.80",
            },
        ),
    )
    change = ChangeRequest.objects.get(order=order)
    assert response.status_code == 302 and response.url == change.get_absolute_url()
    assert change.customer_reference == "NW-CHG-9"
    assert [
        (c.colour, c.kind, c.quantity_before, c.quantity_after) for c in change.diff().lines
    ] == [
        ("Navy", "changed", 300, 250),
        ("Red", "added", 0, 60),
    ]

    page = client.get(change.get_absolute_url()).content.decode()
    assert "S 100 → <strong>50</strong>" in page
    assert "500 → <strong>510</strong>" in page  # the order's total quantity before → after


def test_a_size_left_out_is_cut_and_a_line_at_zero_is_cancelled(client, order, merchandiser):
    client.force_login(merchandiser)
    navy, white = line(order, "Navy"), line(order, "White")
    client.post(
        reverse("orders:change_raise", args=[order.pk]),
        raise_form(order, **{f"line_{navy.pk}_sizes": "M:200", f"line_{white.pk}_sizes": ""}),
    )
    diff = ChangeRequest.objects.get(order=order).diff()
    assert {(c.colour, c.kind, c.quantity_after) for c in diff.lines} == {
        ("Navy", "changed", 200),
        ("White", "cancelled", 0),
    }


def test_a_refused_request_says_why_and_keeps_nothing(client, order, merchandiser):
    at_stage(order, "in_production")
    client.force_login(merchandiser)
    navy = line(order, "Navy")
    response = client.post(
        reverse("orders:change_raise", args=[order.pk]),
        raise_form(order, **{f"line_{navy.pk}_sizes": "S:50, M:200"}),
        follow=True,
    )
    assert "contract amendment" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_malformed_sizes_are_shown_on_the_form(client, order, merchandiser):
    client.force_login(merchandiser)
    navy = line(order, "Navy")
    response = client.post(
        reverse("orders:change_raise", args=[order.pk]),
        raise_form(order, **{f"line_{navy.pk}_sizes": "S=abc"}),
    )
    assert response.status_code == 200
    assert "is not a size and a quantity" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_walk_the_pages_from_draft_to_applied(
    client, order, merchandiser, department_manager, clerk
):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    client.force_login(merchandiser)
    home = client.get(reverse("orders:home")).content.decode()
    assert change.get_absolute_url() in home  # the draft waits for its merchandiser

    client.post(reverse("orders:change_send", args=[change.pk]))
    assert reload(change).status == ChangeStatus.SENT_TO_FACTORY
    client.post(
        reverse("orders:change_factory_answer", args=[change.pk]),
        {"agreed": "1", "name": "王廠長", "comment": "OK by fax"},
    )
    client.post(
        reverse("orders:change_customer_confirm", args=[change.pk]),
        {"confirmed_by": "Ms Lee", "confirmed_on": "2026-11-25", "reference": ""},
    )
    assert reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED

    # The merchandiser cannot sign for the department manager: refused, with the reason.
    response = client.post(
        reverse("orders:change_sign", args=[change.pk]), {"decision": "approved"}, follow=True
    )
    assert "You cannot give that signature" in response.content.decode()

    client.force_login(department_manager)
    home = client.get(reverse("orders:home")).content.decode()
    assert change.get_absolute_url() in home
    client.post(reverse("orders:change_sign", args=[change.pk]), {"decision": "approved"})
    client.force_login(clerk)
    client.post(reverse("orders:change_sign", args=[change.pk]), {"decision": "approved"})
    assert reload(change).status == ChangeStatus.APPROVED

    client.force_login(merchandiser)
    response = client.post(reverse("orders:change_apply", args=[change.pk]), follow=True)
    assert "revision 2" in response.content.decode()
    assert fresh(order).revision == 2
    assert reload(change).status == ChangeStatus.APPLIED


def test_withdraw_needs_a_reason(client, order, merchandiser):
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    client.force_login(merchandiser)
    url = reverse("orders:change_close", args=[change.pk, "withdraw"])
    client.post(url, {"reason": ""})
    assert reload(change).status == ChangeStatus.DRAFT
    client.post(url, {"reason": "Customer changed its mind"})
    assert reload(change).status == ChangeStatus.WITHDRAWN


def test_another_team_cannot_open_the_request(client, order, merchandiser):
    from orders.roles import Role
    from tests.factories import make_user

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    outsider = make_user(Role.MERCHANDISER)
    client.force_login(outsider)
    assert client.get(change.get_absolute_url()).status_code == 404
    assert client.post(reverse("orders:change_send", args=[change.pk])).status_code == 404


@pytest.mark.parametrize(
    "language, words, heading",
    [
        ("zh-hant", "更改申請", "申請內容"),
        ("zh-hans", "变更申请", "申请内容"),
        ("en", "Change requests", "The request"),
    ],
)
def test_the_pages_speak_the_users_language(client, order, merchandiser, language, words, heading):
    from orders.models import Profile

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    Profile.objects.update_or_create(user=merchandiser, defaults={"language": language})
    client.force_login(merchandiser)
    order_page = client.get(order.get_absolute_url()).content.decode()
    change_page = client.get(change.get_absolute_url()).content.decode()
    assert words in order_page
    assert heading in change_page


def test_approvers_sign_from_the_admin_list(client, order, merchandiser, department_manager, clerk):
    from tests.changes.conftest import walk_to_confirmed

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    walk_to_confirmed(change, merchandiser)
    client.force_login(department_manager)
    listing = client.get(reverse("admin:orders_changerequest_changelist"))
    assert listing.status_code == 200 and str(change) in listing.content.decode()
    admin_page = client.get(reverse("admin:orders_changerequest_change", args=[change.pk]))
    assert admin_page.status_code == 200
    client.post(
        reverse("admin:orders_changerequest_changelist"),
        {"action": "sign_selected", "_selected_action": [change.pk]},
    )
    client.force_login(clerk)
    client.post(
        reverse("admin:orders_changerequest_changelist"),
        {"action": "sign_selected", "_selected_action": [change.pk]},
    )
    assert reload(change).status == ChangeStatus.APPROVED


def test_r8_a_request_that_waits_too_long_goes_into_the_digest(
    order, merchandiser, department_manager
):
    from datetime import date, timedelta

    from orders.changes.selectors import CHANGE_STEP_DAYS, collect_waiting_changes
    from tests.changes.conftest import walk_to_confirmed

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    assert collect_waiting_changes(date.today()) == []
    later = date.today() + timedelta(days=CHANGE_STEP_DAYS + 1)
    (item,) = collect_waiting_changes(later)
    assert item.user_id == merchandiser.pk and item.is_overdue
    walk_to_confirmed(change, merchandiser)
    (item,) = collect_waiting_changes(later)
    assert item.user_id == department_manager.pk  # the next signature of the chain


def test_the_order_shows_its_revision_history(
    client, order, merchandiser, department_manager, clerk
):
    from tests.changes.conftest import walk_to_applied

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    walk_to_applied(change, merchandiser, department_manager, clerk)
    client.force_login(merchandiser)
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Rev 2" in page and 'id="revision-history"' in page
    assert "Navy: 300 → 350" in page


def test_the_form_offers_the_marks_and_trims_other_apps_keep(client, order, merchandiser):
    from shipping.models import ShippingMarks
    from tests.suppliers.builders import make_trim

    trim = make_trim(order, description="Main label, woven")
    ShippingMarks.objects.create(order=order, main_marks="NORTHWIND", recorded_by=merchandiser)
    client.force_login(merchandiser)
    data = raise_form(
        order,
        **{
            f"x_suppliers.trim.{trim.pk}": "Main label, printed",
            "x_shipping.marks.main": "NORTHWIND / NEW",
            "x_shipping.marks.side": "",
        },
    )
    client.post(reverse("orders:change_raise", args=[order.pk]), data)
    change = ChangeRequest.objects.get(order=order)
    assert {c.after for c in change.diff().fields} == {"Main label, printed", "NORTHWIND / NEW"}


def test_approvers_reject_from_the_admin_list_with_a_reason(
    client, order, merchandiser, department_manager
):
    from tests.changes.conftest import walk_to_confirmed

    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    walk_to_confirmed(change, merchandiser)
    client.force_login(department_manager)
    url = reverse("admin:orders_changerequest_changelist")
    selected = {"action": "reject_selected", "_selected_action": [change.pk]}
    asked = client.post(url, selected)
    assert asked.status_code == 200 and "Reason" in asked.content.decode()
    client.post(url, {**selected, "apply": "1", "comment": ""})
    assert reload(change).status == ChangeStatus.CUSTOMER_CONFIRMED  # no reason, nothing done
    client.post(url, {**selected, "apply": "1", "comment": "Price not agreed"})
    refused = reload(change)
    assert refused.status == ChangeStatus.REFUSED and refused.closed_reason == "Price not agreed"


@pytest.mark.parametrize("language", ["zh-hant", "zh-hans", "en"])
def test_a_change_saved_unchanged_in_each_language_keeps_its_dates(
    client, order, merchandiser, language
):
    """Issue 18: the edit page's dates come back as the browser's date picker shows them."""
    merchandiser.profile.language = language
    merchandiser.profile.save()
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    client.force_login(merchandiser)
    url = reverse("orders:change_edit", args=[change.pk])
    page = client.get(url).content
    data = browser_form_data(page, form_index_with_field(page, "customer_reference_date"))
    assert data["customer_reference_date"] == change.customer_reference_date.isoformat()

    response = client.post(url, data)

    assert response.status_code == 302
    saved = ChangeRequest.objects.get(pk=change.pk)
    assert saved.customer_reference_date == change.customer_reference_date
    assert saved.proposed["fields"] == change.proposed["fields"]


def test_r14_the_refusal_is_said_in_the_users_language(client, order, merchandiser):
    from django.utils import translation

    from orders.changes.rules import R14_REFUSAL
    from orders.models import Profile

    at_stage(order, "in_production")
    Profile.objects.filter(user=merchandiser).update(language="zh-hant")
    client.force_login(merchandiser)
    navy = line(order, "Navy")
    response = client.post(
        reverse("orders:change_raise", args=[order.pk]),
        raise_form(order, **{f"line_{navy.pk}_sizes": "S:50, M:200"}),
        follow=True,
    )
    with translation.override("zh-hant"):
        expected = str(R14_REFUSAL)
    with translation.override("en"):
        assert expected != str(R14_REFUSAL)  # really translated
    assert expected in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_r8_a_readers_reminders_page_holds_the_same_requests_as_the_digest(
    order, merchandiser, department_manager, settings
):
    """The reminders page reads only the requests that reach its reader (their own, those
    escalated to them past the limit, those waiting for a signature) and lists what the
    company-wide digest scan gives that person."""
    from datetime import date, timedelta

    from orders.changes.selectors import CHANGE_STEP_DAYS
    from orders.reminders.selection import collect, for_user
    from tests.changes.conftest import walk_to_confirmed

    settings.GENDAN_ESCALATE_AFTER_DAYS = 2
    change = raise_change(order, merchandiser, lines={"Navy": {"sizes": {"S": 150, "M": 200}}})
    days = [date.today() + timedelta(days=CHANGE_STEP_DAYS + n) for n in (1, 3, 4)]

    def changes_of(items):
        return [item for item in items if item.source == "change_request"]

    def same_as_the_digest():
        for day in days:
            everyone = collect(day)
            for person in (merchandiser, department_manager):
                mine = changes_of(for_user(person.pk, day))
                assert mine == changes_of(everyone.get(person.pk, [])), (person, day)

    same_as_the_digest()
    escalated = changes_of(for_user(department_manager.pk, days[2]))
    assert [item.escalated_from_id for item in escalated] == [merchandiser.pk]
    assert changes_of(for_user(department_manager.pk, days[0])) == []
    walk_to_confirmed(change, merchandiser)
    same_as_the_digest()
    assert changes_of(for_user(department_manager.pk, days[0]))  # the next signature is theirs
