"""The manager's Django admin: approvals, clearances and transitions go through the services."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orders import rules
from orders.admin.display import annotate_review_state, waiting_for
from orders.choices import ApprovalStep, Clearance, Decision, PaymentTerms, Stage
from orders.models import Approval, Customer, Order, OrderLine
from orders.models.order import annotate_totals
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from suppliers.models import Factory
from tests.factories import fresh, make_customer, make_factory, make_order, tick_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(merchandiser):
    return make_order(merchandiser=merchandiser)


@pytest.fixture
def in_review(order, merchandiser):
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    return fresh(order)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.com", "pw-12345-test")


def url(name: str, *args) -> str:
    return reverse(f"admin:orders_order_{name}", args=args)


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def post_as(client, user, path, data=None):
    client.force_login(user)
    return client.post(path, data or {})


def test_r10_department_manager_approves_from_change_page_then_administration(
    client, in_review, department_manager, administration
):
    client.force_login(department_manager)
    page = client.get(url("change", in_review.pk))
    assert page.status_code == 200
    assert url("approve", in_review.pk) in page.content.decode()
    assert client.get(url("approve", in_review.pk)).status_code == 200

    response = client.post(
        url("approve", in_review.pk), {"comment": "Price checked", "version": in_review.version}
    )
    assert response.status_code == 302
    order = fresh(in_review)
    assert order.stage == Stage.IN_REVIEW
    assert rules.next_approval_step(order) == ApprovalStep.ADMINISTRATION
    assert order.approvals.get(step=ApprovalStep.DEPARTMENT_MANAGER).comment == "Price checked"

    post_as(client, administration, url("approve", order.pk), {"version": order.version})
    assert fresh(order).stage == Stage.APPROVED


def test_r10_reject_without_comment_is_refused(client, in_review, department_manager):
    response = post_as(client, department_manager, url("reject", in_review.pk), {"comment": " "})
    assert response.status_code == 200
    assert response.context["form"].errors["comment"]
    assert not Approval.objects.filter(decision=Decision.REJECTED).exists()
    assert fresh(in_review).stage == Stage.IN_REVIEW


def test_r10_reject_with_comment_returns_order_with_reason_on_timeline(
    client, in_review, department_manager
):
    post_as(
        client, department_manager, url("reject", in_review.pk), {"comment": "Price below cost"}
    )
    order = fresh(in_review)
    assert order.stage == Stage.RECEIVED
    assert order.events.get(action="return_for_changes").comment == "Price below cost"
    assert order.approvals.get(decision=Decision.REJECTED).comment == "Price below cost"


def test_merchandiser_cannot_reach_the_admin(client, in_review, merchandiser):
    client.force_login(merchandiser)
    for path in (url("changelist"), url("change", in_review.pk), url("approve", in_review.pk)):
        response = client.get(path)
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
    client.post(url("approve", in_review.pk), {"comment": "ok"})
    assert in_review.approvals.count() == 1  # the merchandiser's own signature at submission


def test_finance_cannot_approve(client, in_review, finance):
    response = post_as(client, finance, url("approve", in_review.pk), {"comment": "ok"})
    assert response.status_code == 302
    [(level, text)] = messages_of(response)
    assert level == "error"
    assert str(ApprovalStep.DEPARTMENT_MANAGER.label) in text
    assert in_review.approvals.count() == 1
    assert fresh(in_review).stage == Stage.IN_REVIEW


def test_stale_version_is_refused_and_nothing_written(client, in_review, department_manager):
    response = post_as(
        client,
        department_manager,
        url("approve", in_review.pk),
        {"comment": "", "version": in_review.version - 1},
    )
    [(level, _text)] = messages_of(response)
    assert level == "error"
    assert in_review.approvals.count() == 1


@pytest.mark.parametrize("user_fixture", ["department_manager", "superuser"])
def test_stage_is_not_editable_via_the_change_form(client, in_review, user_fixture, request):
    user = request.getfixturevalue(user_fixture)
    page = post_as(client, user, url("change", in_review.pk), {"stage": Stage.SETTLED})
    assert page.status_code == 403
    assert fresh(in_review).stage == Stage.IN_REVIEW
    client.force_login(user)
    form_page = client.get(url("change", in_review.pk))
    assert 'name="stage"' not in form_page.content.decode()


def test_bulk_approve_reports_per_order_results(client, merchandiser, department_manager):
    waiting = []
    for _n in range(2):
        order = make_order(merchandiser=merchandiser)
        tick_contract(order)
        order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
        waiting.append(order)
    not_in_review = make_order(merchandiser=merchandiser)
    selected = [str(o.pk) for o in (*waiting, not_in_review)]
    client.force_login(department_manager)

    confirm = client.post(
        url("changelist"), {"action": "approve_selected", "_selected_action": selected}
    )
    assert confirm.status_code == 200
    assert "apply" in confirm.content.decode()

    response = client.post(
        url("changelist"),
        {"action": "approve_selected", "_selected_action": selected, "apply": "1"},
    )
    assert response.status_code == 302
    results = messages_of(response)
    assert [level for level, _text in results].count("success") == 2
    [error] = [text for level, text in results if level == "error"]
    assert not_in_review.po_number in error
    for order in waiting:
        assert order.approvals.filter(step=ApprovalStep.DEPARTMENT_MANAGER).exists()
    assert not not_in_review.approvals.exists()


def test_bulk_reject_needs_a_reason(client, in_review, department_manager):
    client.force_login(department_manager)
    page = client.post(
        url("changelist"),
        {"action": "reject_selected", "_selected_action": [in_review.pk], "apply": "1"},
    )
    assert page.status_code == 200
    assert page.context["form"].errors["comment"]
    assert fresh(in_review).stage == Stage.IN_REVIEW


def test_r11_gm_exception_from_admin_needs_a_reason(
    client, in_review, department_manager, administration, general_manager
):
    for signer in (department_manager, administration):
        approval_record(order_id=in_review.pk, user=signer, decision=Decision.APPROVED)
    path = reverse("admin:orders_order_clearance", args=[in_review.pk, Clearance.GM_EXCEPTION])
    refused = post_as(client, general_manager, path, {"comment": ""})
    assert refused.status_code == 200
    assert not in_review.clearances.exists()
    post_as(client, general_manager, path, {"comment": "Customer of 20 years"})
    assert in_review.clearances.get().reason == "Customer of 20 years"


def test_r11_credit_approval_refused_for_finance(client, order, finance):
    order.payment_terms = PaymentTerms.OPEN_ACCOUNT
    order.save()
    path = reverse("admin:orders_order_clearance", args=[order.pk, Clearance.CREDIT_APPROVED])
    response = post_as(client, finance, path, {"comment": ""})
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert not order.clearances.exists()


def test_manager_cancels_with_a_reason_and_holds_and_resumes(client, order, department_manager):
    client.force_login(department_manager)
    client.post(url("transition", order.pk, "hold"), {"comment": "Customer asked to wait"})
    assert fresh(order).stage == Stage.ON_HOLD
    client.post(url("transition", order.pk, "resume"), {"comment": ""})
    assert fresh(order).stage == Stage.RECEIVED
    client.post(url("transition", order.pk, "cancel"), {"comment": ""})
    assert fresh(order).stage == Stage.RECEIVED
    client.post(url("transition", order.pk, "cancel"), {"comment": "Customer withdrew the P/O"})
    assert fresh(order).stage == Stage.CANCELLED
    assert fresh(order).cancel_reason == "Customer withdrew the P/O"
    assert client.get(url("transition", order.pk, "settle")).status_code == 404


def test_change_page_shows_gates_of_the_next_step(client, order, department_manager):
    client.force_login(department_manager)
    page = client.get(url("change", order.pk)).content.decode()
    assert "R5" in page


def test_waiting_for_column_agrees_with_the_rules(merchandiser, department_manager, administration):
    big_line = {"colour": "Red", "size_breakdown": {"M": 50000}, "quantity": 50000}
    orders = [
        make_order(merchandiser=merchandiser),
        make_order(merchandiser=merchandiser, commission=True),
        make_order(merchandiser=merchandiser, lines=[{**big_line, "unit_price": Decimal("3")}]),
    ]
    for order in orders:
        tick_contract(order)
        order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    for order in orders[1:]:
        for signer in (department_manager, administration):
            approval_record(order_id=order.pk, user=signer, decision=Decision.APPROVED)
    listed = annotate_review_state(annotate_totals(Order.objects.all()))
    for order in listed:
        expected = rules.next_approval_step(fresh(order))
        assert waiting_for(order) == ApprovalStep(expected).label


def test_changelist_query_count_does_not_grow_with_rows(client, merchandiser, superuser):
    def make_orders(count: int) -> None:
        customer, factory = make_customer(), make_factory()
        start = Order.objects.count()
        Order.objects.bulk_create(
            Order(
                customer=customer,
                factory=factory,
                merchandiser=merchandiser,
                team=merchandiser.profile.team,
                po_number=f"BULK-{start + n}",
                style_no="ST-1",
                description="Tee",
                payment_terms=PaymentTerms.LETTER_OF_CREDIT,
                order_date=date.today(),
                ex_factory_date=date.today() + timedelta(days=n % 90 - 30),
                customer_date=date.today() + timedelta(days=n % 90),
                stage=[Stage.RECEIVED, Stage.IN_REVIEW][n % 2],
                review_round=n % 2,
            )
            for n in range(count)
        )
        OrderLine.objects.bulk_create(
            OrderLine(order=o, colour="Navy", quantity=10, unit_price=Decimal("2.5"))
            for o in Order.objects.filter(lines__isnull=True)
        )

    client.force_login(superuser)

    def changelist_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("changelist")).status_code == 200
        return len(queries)

    make_orders(10)
    with_10 = changelist_queries()
    make_orders(490)
    with_500 = changelist_queries()
    assert with_10 == with_500


CUSTOMER_IMPORT = "admin:orders_customer_import"


def import_sheet(client, user, content: bytes, admin_url: str = CUSTOMER_IMPORT):
    client.force_login(user)
    sheet = SimpleUploadedFile("sheet.csv", content, content_type="text/csv")
    return client.post(reverse(admin_url), {"import_file": sheet, "format": 0})


def test_import_of_a_malformed_customer_sheet_imports_nothing(client, superuser):
    sheet = (
        b"name,country,language,default_payment_terms,credit_class\n"
        b"Northwind Apparel,US,en,lc,A\n"
        b"Bad Row Ltd,UK,klingon,barter,Z\n"
    )
    response = import_sheet(client, superuser, sheet)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    assert "confirm_form" not in response.context
    assert not Customer.objects.exists()


def test_import_of_a_sheet_without_the_name_column_imports_nothing(client, superuser):
    response = import_sheet(client, superuser, b"country,credit_class\nUS,A\n")
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert not Customer.objects.exists()


def test_resource_rolls_back_the_whole_sheet_on_one_bad_row():
    import tablib

    from orders.admin.parties import CustomerResource

    dataset = tablib.Dataset(
        ["Good Co", "US", "en", "lc", "A"],
        ["Bad Co", "US", "xx", "lc", "A"],
        headers=["name", "country", "language", "default_payment_terms", "credit_class"],
    )
    result = CustomerResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    assert not Customer.objects.exists()


def test_import_of_a_good_factory_sheet_then_confirm(client, superuser):
    sheet = "name,language,email,address\n东莞华艺制衣厂,zh-hans,hy@example.com,东莞\n"
    response = import_sheet(
        client, superuser, sheet.encode(), admin_url="admin:suppliers_factory_import"
    )
    assert "confirm_form" in response.context
    confirm = response.context["confirm_form"]
    client.post(reverse("admin:suppliers_factory_process_import"), confirm.initial)
    assert Factory.objects.get().name == "东莞华艺制衣厂"


def test_import_needs_add_and_change_permission(client, administration):
    response = import_sheet(client, administration, b"name\nX\n")
    assert response.status_code == 403


def test_changelist_filters_by_the_merchandisers_who_have_orders(client, merchandiser, superuser):
    from orders.roles import Role
    from tests.factories import make_user

    team = merchandiser.profile.team
    other = make_user(Role.MERCHANDISER, team=team, username="other-merch")
    idle = make_user(Role.MERCHANDISER, team=team, username="idle-merch")
    make_order(merchandiser=merchandiser)
    make_order(merchandiser=other)
    client.force_login(superuser)
    page = client.get(reverse("admin:orders_order_changelist")).content.decode()
    assert f"merchandiser__id__exact={merchandiser.pk}" in page
    assert f"merchandiser__id__exact={other.pk}" in page
    assert f"merchandiser__id__exact={idle.pk}" not in page
