"""Found walking the seeded demo as each user (QA pass): pages named people by their login
("merch2 · 2026-11-26") where colleagues know them by name."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.services.complaints import complaint_approve
from orders.choices import Decision
from orders.planning.choices import Party
from orders.services.date_changes import date_change_request
from orders.services.planning import plan_build
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from samples.services import sample_check_record
from suppliers.choices import ProcurementStatus
from suppliers.services import procurement_update, trim_card_receive, trim_create
from tests.complaints.builders import file_complaint
from tests.factories import make_order, make_sample, tick_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(merchandiser, department_manager):
    for user, first, last in (
        (merchandiser, "Xiaomei", "Li"),
        (department_manager, "Chi Ming", "Wong"),
    ):
        user.first_name, user.last_name = first, last
        user.save()
    return merchandiser, department_manager


def shows_names_not_logins(page: str, *users) -> None:
    for user in users:
        assert user.get_full_name() in page
        assert f" {user.username}," not in page and f"· {user.username} ·" not in page


def test_sample_page_names_who_checked(client, named):
    merchandiser, manager = named
    sample = make_sample(make_order(merchandiser=merchandiser))
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    client.force_login(manager)
    page = client.get(reverse("samples:detail", args=[sample.pk])).content.decode()
    assert "<dd>Xiaomei Li, " in page and f"<dd>{merchandiser.username}," not in page


def test_complaint_page_names_the_leader_who_approved(client, named):
    merchandiser, manager = named
    complaint = file_complaint(make_order(merchandiser=merchandiser))
    complaint_approve(complaint_id=complaint.pk, user=manager)
    client.force_login(merchandiser)
    page = client.get(complaint.get_absolute_url()).content.decode()
    shows_names_not_logins(page, manager)


def test_trim_cards_waiting_name_the_merchandiser(client, named):
    merchandiser, _manager = named
    order = make_order(merchandiser=merchandiser)
    trim = trim_create(
        order_id=order.pk, user=merchandiser, description="Main label", source="factory",
        trim_sample="Woven label", order_date=order.order_date, in_house_date=order.order_date,
    )  # fmt: skip
    procurement_update(
        material="trim", material_id=trim.pk, user=merchandiser,
        status=ProcurementStatus.IN_HOUSE, on=order.order_date,
    )  # fmt: skip
    trim_card_receive(order_id=order.pk, user=merchandiser)
    client.force_login(merchandiser)
    page = client.get(reverse("suppliers:trim_cards_waiting")).content.decode()
    assert "<td>Xiaomei Li</td>" in page and f"<td>{merchandiser.username}</td>" not in page


def test_date_changes_and_rejections_name_who_recorded_them(client, named):
    merchandiser, manager = named
    order = make_order(merchandiser=merchandiser)
    plan_build(order=order, user=merchandiser, today=timezone.localdate())
    date_change_request(
        order_id=order.pk,
        user=merchandiser,
        requested_by=Party.FACTORY,
        proposed_date=order.ex_factory_date + timedelta(days=7),
        reason="Fabric late",
        responsible=Party.FACTORY,
    )
    tick_contract(order)
    order_transition(order_id=order.pk, user=merchandiser, name="submit_for_review")
    approval_record(order_id=order.pk, user=manager, decision=Decision.REJECTED, comment="Price")
    client.force_login(manager)
    page = client.get(order.get_absolute_url()).content.decode()
    assert '<small class="muted">Xiaomei Li</small>' in page  # the date change
    assert "Chi Ming Wong: Price" in page  # the rejection
    assert f"{merchandiser.username}<" not in page and f"{manager.username}:" not in page


def test_fabric_booking_signer_is_named_not_the_login(client, merchandiser, department_manager):
    """The Materials section says who signed the fabric booking by name, as colleagues know them."""
    from orders.demo.contributors import satisfy_gates
    from tests.factories import make_order

    department_manager.first_name, department_manager.last_name = "Chi Ming", "Wong"
    department_manager.save()
    order = make_order(merchandiser=merchandiser)
    satisfy_gates(order, "start_production")
    client.force_login(merchandiser)
    page = client.get(reverse("orders:detail", args=[order.pk])).content.decode()
    assert "Signed by Chi Ming Wong" in page
