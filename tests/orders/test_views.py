"""The merchandiser's screens: every view guarded, every POST through the services."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from orders.choices import ApprovalStep, Clearance, Decision, PaymentTerms, Stage
from orders.models import Order, Profile
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from tests.factories import (
    fresh,
    make_customer,
    make_factory,
    make_order,
    make_team,
    make_user,
    tick_contract,
)
from tests.guards import GuardedOrderView

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


@pytest.fixture
def outsider(db):
    return make_user("merchandiser", team=make_team("Wovens"))


def page_text(response) -> str:
    return response.content.decode()


def shows(response, text) -> bool:
    return escape(str(text)) in page_text(response)


def submitted(order, merchandiser) -> Order:
    tick_contract(order)
    return order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")


# ---- shared guard: anonymous users go to the login page, other teams get 404 ---------------


@pytest.mark.parametrize("url_name", ["home", "list", "create"])
def test_pages_without_an_order_send_anonymous_users_to_login(client, url_name):
    response = client.get(reverse(f"orders:{url_name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_renders(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'name="password"' in page_text(response)


# ---- order list -------------------------------------------------------------------------------


def list_page(client, **params):
    return client.get(reverse("orders:list"), params)


def test_list_shows_the_team_orders_only(client, merchandiser, order, outsider):
    hidden = make_order(merchandiser=outsider, po_number="PO-OTHER-TEAM")
    client.force_login(merchandiser)
    response = list_page(client)
    assert shows(response, order.po_number)
    assert not shows(response, hidden.po_number)
    assert shows(response, "USD 1,650.00")  # 300 pcs at 5.50, from the selector's annotations


def test_list_search_matches_po_and_style(client, merchandiser):
    make_order(merchandiser=merchandiser, po_number="PO-APPLE", style_no="ST-1")
    make_order(merchandiser=merchandiser, po_number="PO-PEAR", style_no="ST-BANANA")
    client.force_login(merchandiser)
    by_po = list_page(client, q="apple")
    assert shows(by_po, "PO-APPLE") and not shows(by_po, "PO-PEAR")
    by_style = list_page(client, q="banana")
    assert shows(by_style, "PO-PEAR") and not shows(by_style, "PO-APPLE")


def test_list_filters_stage_customer_factory_and_dates(client, merchandiser):
    customer, factory = make_customer(name="Acme"), make_factory(name="Sunrise Knit")
    today = date.today()
    early = make_order(
        merchandiser=merchandiser,
        po_number="PO-EARLY",
        customer=customer,
        ex_factory_date=today + timedelta(days=10),
        customer_date=today + timedelta(days=20),
    )
    late_po = make_order(
        merchandiser=merchandiser,
        po_number="PO-LATER",
        factory=factory,
        ex_factory_date=today + timedelta(days=90),
        customer_date=today + timedelta(days=100),
    )
    submitted(late_po, merchandiser)
    client.force_login(merchandiser)

    def listed(**params):
        response = list_page(client, **params)
        return {po for po in ("PO-EARLY", "PO-LATER") if shows(response, po)}

    assert listed(stage=Stage.IN_REVIEW) == {"PO-LATER"}
    assert listed(customer=customer.pk) == {"PO-EARLY"}
    assert listed(factory=factory.pk) == {"PO-LATER"}
    assert listed(ex_factory_date_before=(today + timedelta(days=30)).isoformat()) == {"PO-EARLY"}
    assert listed(customer_date_after=(today + timedelta(days=50)).isoformat()) == {"PO-LATER"}
    assert early.pk  # both exist; the filters choose


def test_list_late_filter_and_flag(client, merchandiser):
    today = date.today()
    make_order(
        merchandiser=merchandiser,
        po_number="PO-OVERDUE",
        order_date=today - timedelta(days=60),
        ex_factory_date=today - timedelta(days=2),
        customer_date=today + timedelta(days=5),
    )
    make_order(merchandiser=merchandiser, po_number="PO-ON-TIME")
    client.force_login(merchandiser)
    response = list_page(client, late="on")
    assert shows(response, "PO-OVERDUE") and not shows(response, "PO-ON-TIME")
    assert 'class="late-flag"' in page_text(response)


def test_list_paginates_by_25(client, merchandiser):
    customer, factory = make_customer(), make_factory()
    for number in range(30):
        make_order(
            merchandiser=merchandiser,
            customer=customer,
            factory=factory,
            po_number=f"PO-P{number:03d}",
        )
    client.force_login(merchandiser)
    first, second = list_page(client), list_page(client, page=2)
    assert len(first.context["object_list"]) == 25
    assert len(second.context["object_list"]) == 5
    assert "page=2" in page_text(first)


# ---- create and edit ---------------------------------------------------------------------------


def order_post_data(*, customer, factory, version=None, lines=None, **header) -> dict:
    today = date.today()
    data = {
        "customer": customer.pk,
        "po_number": "PO-NEW-1",
        "style_no": "ST-900",
        "description": "Ladies' knit cardigan",
        "season": "AW26",
        "currency": "USD",
        "incoterm": "FOB",
        "payment_terms": PaymentTerms.LETTER_OF_CREDIT,
        "deposit_percent": "0",
        "order_date": today.isoformat(),
        "customer_date": (today + timedelta(days=80)).isoformat(),
        "ex_factory_date": (today + timedelta(days=70)).isoformat(),
        "factory": factory.pk,
        **header,
    }
    if version is not None:
        data["version"] = version
    lines = lines or [{"colour": "Navy", "sizes": "S:100, M:200, L:150", "unit_price": "6.25"}]
    data.update(
        {
            "lines-TOTAL_FORMS": str(len(lines)),
            "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "1000",
        }
    )
    for index, line in enumerate(lines):
        for name, value in line.items():
            data[f"lines-{index}-{name}"] = value
    return data


def test_create_order_with_lines(client, merchandiser):
    customer, factory = make_customer(), make_factory()
    client.force_login(merchandiser)
    data = order_post_data(
        customer=customer,
        factory=factory,
        lines=[
            {"colour": "Navy", "sizes": "S:100, M:200, L:150", "unit_price": "6.25"},
            {"colour": "Red", "sizes": "M：40；L：10", "quantity": "50", "unit_price": "7"},
        ],
    )
    response = client.post(reverse("orders:create"), data, follow=True)
    order = Order.objects.get(po_number="PO-NEW-1")
    assert response.redirect_chain[-1][0] == order.get_absolute_url()
    assert [(line.colour, line.size_breakdown, line.quantity) for line in order.lines.all()] == [
        ("Navy", {"S": 100, "M": 200, "L": 150}, 450),
        ("Red", {"M": 40, "L": 10}, 50),
    ]
    assert order.merchandiser == merchandiser and order.team == merchandiser.profile.team
    assert order.total_amount.amount == Decimal("450") * Decimal("6.25") + 350


def test_create_line_with_quantity_and_no_breakdown(client, merchandiser):
    client.force_login(merchandiser)
    data = order_post_data(
        customer=make_customer(),
        factory=make_factory(),
        lines=[{"colour": "Red", "sizes": "", "quantity": "40", "unit_price": "7"}],
    )
    client.post(reverse("orders:create"), data)
    order = Order.objects.get(po_number="PO-NEW-1")
    assert [(line.size_breakdown, line.quantity) for line in order.lines.all()] == [({}, 40)]


@pytest.mark.parametrize(
    ("sizes", "quantity", "message"),
    [
        ("S100, M:200", "", "“S100” is not a size and a quantity, e.g. S:100."),
        ("S:100, S:20", "", "Size S is given twice."),
        ("S:0", "", "Size S: the quantity must be above 0."),
        ("S:100, M:200", "250", "The quantity 250 does not match the size breakdown (300)."),
        ("", "", "Give the quantity or a size breakdown."),
    ],
)
def test_create_refuses_malformed_size_breakdown(client, merchandiser, sizes, quantity, message):
    client.force_login(merchandiser)
    data = order_post_data(
        customer=make_customer(),
        factory=make_factory(),
        lines=[{"colour": "Navy", "sizes": sizes, "quantity": quantity, "unit_price": "5"}],
    )
    response = client.post(reverse("orders:create"), data)
    assert response.status_code == 200
    assert shows(response, message)
    assert not Order.objects.filter(po_number="PO-NEW-1").exists()


def test_create_needs_a_line(client, merchandiser):
    client.force_login(merchandiser)
    data = order_post_data(customer=make_customer(), factory=make_factory(), lines=[{}])
    response = client.post(reverse("orders:create"), data)
    assert response.status_code == 200
    assert shows(response, "An order needs at least one line.")


def test_create_duplicate_po_for_the_customer_is_a_form_error(client, merchandiser, order):
    client.force_login(merchandiser)
    data = order_post_data(
        customer=order.customer, factory=order.factory, po_number=order.po_number
    )
    response = client.post(reverse("orders:create"), data)
    assert response.status_code == 200
    assert shows(response, f"{order.customer} already has an order with P/O no. {order.po_number}.")
    assert Order.objects.filter(po_number=order.po_number).count() == 1


def test_create_refused_for_finance(client, finance):
    client.force_login(finance)
    data = order_post_data(customer=make_customer(), factory=make_factory())
    response = client.post(reverse("orders:create"), data)
    assert shows(response, "Only merchandisers and managers enter orders.")
    assert not Order.objects.exists()


class TestEdit(GuardedOrderView):
    url_name = "edit"

    def test_form_shows_lines_as_text(self, client, merchandiser, order):
        client.force_login(merchandiser)
        response = client.get(self.url(order))
        assert 'value="S:100, M:200"' in page_text(response)
        assert f'name="version" value="{order.version}"' in page_text(response)

    def test_edit_saves_header_and_lines(self, client, merchandiser, order):
        client.force_login(merchandiser)
        data = order_post_data(
            customer=order.customer,
            factory=order.factory,
            version=order.version,
            po_number=order.po_number,
            description="Changed description",
            lines=[{"colour": "Black", "sizes": "M:10, L:20", "unit_price": "4"}],
        )
        response = client.post(self.url(order), data)
        assert response.status_code == 302
        order = fresh(order)
        assert order.description == "Changed description"
        assert [(line.colour, line.quantity) for line in order.lines.all()] == [("Black", 30)]

    def test_stale_version_is_refused_and_nothing_overwritten(self, client, merchandiser, order):
        client.force_login(merchandiser)
        data = order_post_data(
            customer=order.customer,
            factory=order.factory,
            version=order.version - 1 if order.version > 1 else order.version + 5,
            po_number=order.po_number,
            description="Overwrite attempt",
        )
        response = client.post(self.url(order), data, follow=True)
        assert shows(response, "Someone else changed this order")
        order = fresh(order)
        assert order.description == "Men's cotton shirt"
        assert [line.colour for line in order.lines.all()] == ["Navy"]

    def test_edit_refused_once_in_review(self, client, merchandiser, order):
        order = submitted(order, merchandiser)
        client.force_login(merchandiser)
        data = order_post_data(
            customer=order.customer,
            factory=order.factory,
            version=order.version,
            po_number=order.po_number,
            description="Too late",
        )
        response = client.post(self.url(order), data, follow=True)
        assert shows(response, "its contract can no longer be edited here")
        assert fresh(order).description == "Men's cotton shirt"


# ---- the order page ------------------------------------------------------------------------------


class TestDetail(GuardedOrderView):
    url_name = "detail"

    def test_shows_gates_actions_and_timeline(self, client, merchandiser, order):
        client.force_login(merchandiser)
        response = client.get(self.url(order))
        assert response.status_code == 200
        assert shows(response, "Contract check complete: every item ticked")
        assert 'class="unmet"' in page_text(response)
        assert reverse("orders:action", args=[order.pk, "submit_for_review"]) in page_text(response)
        assert reverse("orders:action", args=[order.pk, "cancel"]) not in page_text(response)
        assert 'id="contract-check"' in page_text(response)

    def test_timeline_lists_who_and_from_to(self, client, merchandiser, order):
        submitted(order, merchandiser)
        client.force_login(merchandiser)
        response = client.get(self.url(order))
        timeline = page_text(response).split('id="timeline"')[1]
        assert merchandiser.username in timeline
        assert "Submit for review" in timeline
        assert "badge-grey" in timeline and "badge-blue" in timeline  # received → in review

    def test_finance_sees_no_submit_button(self, client, finance, order):
        client.force_login(finance)
        response = client.get(self.url(order))
        assert response.status_code == 200
        assert reverse("orders:action", args=[order.pk, "submit_for_review"]) not in page_text(
            response
        )
        assert 'id="contract-check"' not in page_text(response)

    def test_manager_sees_cancel_with_a_reason_field(self, client, department_manager, order):
        client.force_login(department_manager)
        response = client.get(self.url(order))
        assert reverse("orders:action", args=[order.pk, "cancel"]) in page_text(response)
        assert 'id="reason-cancel"' in page_text(response)

    def test_approver_sees_the_sign_buttons(self, client, merchandiser, department_manager, order):
        submitted(order, merchandiser)
        client.force_login(department_manager)
        response = client.get(self.url(order))
        assert 'value="rejected"' in page_text(response)
        client.force_login(merchandiser)
        assert 'value="rejected"' not in page_text(client.get(self.url(order)))

    def test_an_approver_has_one_approve_and_one_reject_each_with_its_reason_box(
        self, client, merchandiser, department_manager, order
    ):
        submitted(order, merchandiser)
        client.force_login(department_manager)
        page = page_text(client.get(self.url(order)))
        assert page.count('value="approved"') == 1 and page.count('value="rejected"') == 1
        assert reverse("orders:action", args=[order.pk, "approve"]) not in page
        assert reverse("orders:action", args=[order.pk, "return_for_changes"]) not in page
        reject_form = page.split('value="rejected"')[1].split("</form>")[0]
        assert 'id="reject-comment"' in reject_form and "required" in reject_form

    def test_an_action_whose_gates_are_unmet_is_disabled_with_the_reason(
        self, client, merchandiser, order
    ):
        client.force_login(merchandiser)
        page = page_text(client.get(self.url(order)))
        form = page.split(reverse("orders:action", args=[order.pk, "submit_for_review"]))[1]
        form = form.split("</form>")[0]
        assert "disabled" in form and 'id="why-submit_for_review"' in form
        assert "R5" in form  # the unmet contract check is named


# ---- POSTs of the order page ------------------------------------------------------------------


class TestTransition(GuardedOrderView):
    url_name = "action"
    method = "post"
    extra_kwargs = {"name": "submit_for_review"}

    def test_refused_with_the_unmet_gates_listed(self, client, merchandiser, order):
        client.force_login(merchandiser)
        response = self.request(client, order)
        assert response.status_code == 302
        page = client.get(response["Location"])
        assert shows(page, "The order is not ready to “Submit for review”.")
        assert shows(page, "Contract check complete")
        assert fresh(order).stage == Stage.RECEIVED

    def test_allowed_moves_the_order(self, client, merchandiser, order):
        tick_contract(order)
        client.force_login(merchandiser)
        response = self.request(client, order)
        assert shows(client.get(response["Location"]), "Done: Submit for review.")
        assert fresh(order).stage == Stage.IN_REVIEW

    def test_refused_for_a_role_that_may_not(self, client, finance, order):
        tick_contract(order)
        client.force_login(finance)
        response = client.post(self.url(order), {"version": order.version}, follow=True)
        assert shows(response, "You may not “Submit for review” this order.")
        assert fresh(order).stage == Stage.RECEIVED

    def test_stale_version_is_refused(self, client, merchandiser, order):
        tick_contract(order)
        client.force_login(merchandiser)
        response = client.post(self.url(order), {"version": order.version + 1}, follow=True)
        assert shows(response, "Someone else changed this order")
        assert fresh(order).stage == Stage.RECEIVED

    def test_cancel_needs_a_reason_and_a_manager(
        self, client, merchandiser, department_manager, order
    ):
        url = reverse("orders:action", args=[order.pk, "cancel"])
        client.force_login(merchandiser)
        response = client.post(url, {"version": order.version, "comment": "x"}, follow=True)
        assert shows(response, "You may not “Cancel order” this order.")
        client.force_login(department_manager)
        response = client.post(url, {"version": order.version}, follow=True)
        assert shows(response, "Please give a reason.")
        assert fresh(order).stage == Stage.RECEIVED
        client.post(url, {"version": order.version, "comment": "Customer withdrew"})
        assert fresh(order).stage == Stage.CANCELLED

    def test_unknown_action_is_refused(self, client, merchandiser, order):
        client.force_login(merchandiser)
        url = reverse("orders:action", args=[order.pk, "explode"])
        response = client.post(url, {"version": order.version}, follow=True)
        assert shows(response, "Unknown action.")

    def test_get_is_not_allowed(self, client, merchandiser, order):
        client.force_login(merchandiser)
        assert client.get(self.url(order)).status_code == 405


class TestContractCheck(GuardedOrderView):
    url_name = "contract_check"
    method = "post"

    def test_ticking_every_item_opens_the_submit_gate(self, client, merchandiser, order):
        from orders.models.review import CONTRACT_CHECK_ITEMS

        client.force_login(merchandiser)
        data = {name: "on" for name, _label in CONTRACT_CHECK_ITEMS}
        data.update(customer_signed="on", version=order.version)
        response = client.post(self.url(order), data, follow=True)
        assert shows(response, "Contract check saved.")
        from orders import rules

        assert rules.contract_check_complete(fresh(order))

    def test_refused_for_finance(self, client, finance, order):
        client.force_login(finance)
        response = client.post(self.url(order), {"version": order.version}, follow=True)
        assert shows(response, "You may not check this order&#x27;s contract.") or shows(
            response, "You may not check this order's contract."
        )


class TestApprove(GuardedOrderView):
    url_name = "approve"
    method = "post"

    def test_manager_signs_the_next_step(self, client, merchandiser, department_manager, order):
        order = submitted(order, merchandiser)
        client.force_login(department_manager)
        response = client.post(
            self.url(order), {"version": order.version, "decision": Decision.APPROVED}, follow=True
        )
        assert shows(response, f"Signed: {ApprovalStep.DEPARTMENT_MANAGER.label}.")
        assert fresh(order).approvals.filter(step=ApprovalStep.DEPARTMENT_MANAGER).exists()

    def test_reject_needs_a_comment_then_returns_the_order(
        self, client, merchandiser, department_manager, order
    ):
        order = submitted(order, merchandiser)
        client.force_login(department_manager)
        response = client.post(
            self.url(order), {"version": order.version, "decision": Decision.REJECTED}, follow=True
        )
        assert shows(response, "Please give the reason for the rejection.")
        assert fresh(order).stage == Stage.IN_REVIEW
        response = client.post(
            self.url(order),
            {"version": order.version, "decision": Decision.REJECTED, "comment": "Price low"},
            follow=True,
        )
        assert fresh(order).stage == Stage.RECEIVED
        assert shows(response, "Price low")  # the rejection and the timeline carry the reason

    def test_refused_for_the_wrong_role(self, client, merchandiser, administration, order):
        order = submitted(order, merchandiser)
        client.force_login(administration)
        response = client.post(
            self.url(order), {"version": order.version, "decision": Decision.APPROVED}, follow=True
        )
        assert shows(response, "You cannot give that signature.")
        assert not fresh(order).approvals.filter(step=ApprovalStep.ADMINISTRATION).exists()


class TestClearance(GuardedOrderView):
    url_name = "clearance"
    method = "post"

    def test_finance_records_lc_received(self, client, finance, order):
        client.force_login(finance)
        response = client.post(
            self.url(order),
            {"version": order.version, "kind": Clearance.LC_RECEIVED, "reference": "LC-889"},
            follow=True,
        )
        assert shows(response, f"Recorded: {Clearance.LC_RECEIVED.label}.")
        assert fresh(order).clearances.get().reference == "LC-889"

    def test_refused_for_a_role_that_may_not(self, client, merchandiser, order):
        client.force_login(merchandiser)
        response = client.post(
            self.url(order),
            {"version": order.version, "kind": Clearance.LC_CHECKED_BY_DOCUMENTS},
            follow=True,
        )
        assert shows(response, "You may not record")
        assert not fresh(order).clearances.exists()

    def test_gm_exception_needs_a_reason(self, client, general_manager, order):
        client.force_login(general_manager)
        data = {"version": order.version, "kind": Clearance.GM_EXCEPTION}
        response = client.post(self.url(order), data, follow=True)
        assert shows(response, "A general manager&#x27;s exception needs a reason.") or shows(
            response, "A general manager's exception needs a reason."
        )
        client.post(self.url(order), {**data, "reason": "Customer of 20 years"})
        assert fresh(order).clearances.get().kind == Clearance.GM_EXCEPTION

    def test_payment_form_shown_to_who_may_record(self, client, finance, order):
        client.force_login(finance)
        page = page_text(client.get(order.get_absolute_url()))
        assert f'value="{Clearance.LC_RECEIVED}"' in page
        assert f'value="{Clearance.LC_CHECKED_BY_DOCUMENTS}"' not in page


# ---- home and language ------------------------------------------------------------------------


def test_home_lists_late_due_and_waiting(client, merchandiser, department_manager):
    today = date.today()
    make_order(
        merchandiser=merchandiser,
        po_number="PO-LATE",
        order_date=today - timedelta(days=60),
        ex_factory_date=today - timedelta(days=1),
        customer_date=today + timedelta(days=5),
    )
    make_order(
        merchandiser=merchandiser,
        po_number="PO-THIS-WEEK",
        ex_factory_date=today + timedelta(days=3),
        customer_date=today + timedelta(days=9),
    )
    waiting = submitted(make_order(merchandiser=merchandiser, po_number="PO-SIGN"), merchandiser)
    client.force_login(merchandiser)
    home = client.get(reverse("orders:home")).context["home"]
    assert [o.po_number for o in home.late] == ["PO-LATE"]
    assert [o.po_number for o in home.due_this_week] == ["PO-THIS-WEEK"]
    assert dict(home.stage_counts)[Stage.IN_REVIEW] == 1
    client.force_login(department_manager)
    home = client.get(reverse("orders:home")).context["home"]
    assert [(item.order.pk, item.what) for item in home.waiting] == [
        (waiting.pk, [ApprovalStep.DEPARTMENT_MANAGER.label])
    ]
    approval_record(order_id=waiting.pk, user=department_manager, decision=Decision.APPROVED)
    assert client.get(reverse("orders:home")).context["home"].waiting == []


def test_language_switch_holds_for_the_session_and_keeps_the_saved_language(client, merchandiser):
    client.force_login(merchandiser)
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": reverse("orders:list")}
    )
    assert response.status_code == 302
    assert '<html lang="zh-hans">' in page_text(client.get(reverse("orders:list")))
    assert not Profile.objects.filter(user=merchandiser, language="zh-hans").exists()
    client.cookies.clear()  # another session, another browser
    client.force_login(merchandiser)
    assert '<html lang="zh-hans">' not in page_text(client.get(reverse("orders:list")))


def test_language_switch_is_saved_on_the_profile_when_asked(client, merchandiser):
    client.force_login(merchandiser)
    assert '<html lang="en">' in page_text(client.get(reverse("orders:home")))
    response = client.post(
        reverse("set_language"),
        {"language": "zh-hant", "next": reverse("orders:list"), "save": "1"},
    )
    assert response.status_code == 302
    merchandiser.profile.refresh_from_db()
    assert merchandiser.profile.language == "zh-hant"
    client.cookies.clear()  # the profile alone must carry the choice
    client.force_login(merchandiser)
    assert '<html lang="zh-hant">' in page_text(client.get(reverse("orders:list")))


def test_home_shows_the_general_manager_only_orders_that_need_them(
    client, merchandiser, department_manager, administration, general_manager
):
    big = submitted(make_order(merchandiser=merchandiser, commission=True), merchandiser)
    small = submitted(make_order(merchandiser=merchandiser), merchandiser)
    for order in (big, small):
        approval_record(order_id=order.pk, user=department_manager, decision=Decision.APPROVED)
        approval_record(order_id=order.pk, user=administration, decision=Decision.APPROVED)
    client.force_login(general_manager)
    waiting = client.get(reverse("orders:home")).context["home"].waiting
    assert [(item.order.pk, item.what) for item in waiting] == [
        (big.pk, [ApprovalStep.GENERAL_MANAGER.label])
    ]


def test_home_shows_the_merchandiser_contract_checks_to_do(client, merchandiser, order):
    client.force_login(merchandiser)
    waiting = client.get(reverse("orders:home")).context["home"].waiting
    assert [item.order.pk for item in waiting] == [order.pk]
    assert "R5" in str(waiting[0].what[0])


def test_order_page_opens_the_sections_of_the_stage_first_and_folds_the_rest(
    client, merchandiser, order
):
    """A received order shows review and samples first and open; shipping and complaints
    come after, folded, each reachable from the section index."""
    client.force_login(merchandiser)
    page = page_text(client.get(reverse("orders:detail", args=[order.pk])))
    index = page.split('class="section-index"')[1].split("</nav>")[0]
    for code in ("review", "samples", "shipping", "complaints", "timeline"):
        assert f'href="#section-{code}"' in index
    position = {code: page.index(f'id="section-{code}"') for code in ("review", "shipping")}
    assert position["review"] < position["shipping"]

    def opening_tag(code):
        return page.split(f'id="section-{code}"')[1].split(">")[0]

    assert " open" in opening_tag("review")
    assert " open" not in opening_tag("shipping")
    # rule codes are help text under the headings now, never in them
    assert not re.search(r"<h[1-4][^>]*>[^<]*\(R\d", page)
    assert "R5" in page.split('id="contract-check"')[1].split("</h3>")[1][:200]
