"""R8 + R2: a change of the quantities re-issues the fabric booking as the order's new revision.
Its signature is void, so it waits for the group head: meanwhile the old factory link refuses
confirmation naming the new revision; once signed, the booking goes by itself as the next
version, and the old link names that version."""

from decimal import Decimal

import pytest
from django.urls import reverse

from orders.changes.apply import change_request_apply
from orders.changes.registry import (
    ChangeContext,
    impacts,
    register_change_contributor,
    unregister_change_contributor,
)
from orders.documents import links
from orders.models import SentDocument
from orders.services.common import ActionRefused
from suppliers.services.fabric import fabric_booking_send, fabric_booking_sign
from tests.changes.conftest import raise_change, sign, walk_to_applied, walk_to_confirmed
from tests.outbox import mark_sent
from tests.suppliers.builders import make_booking

pytestmark = pytest.mark.django_db

MORE_NAVY = {"Navy": {"sizes": {"S": 200, "M": 300}}}  # 500 → 700 pieces


def link(document) -> str:
    return reverse("documents:public", args=[links.make_token(document)])


def bookings() -> list[SentDocument]:
    return list(SentDocument.objects.filter(form_code="F-FAB-001").order_by("version"))


@pytest.fixture
def sent_booking(order, merchandiser, department_manager):
    booking = make_booking(order, consumption=Decimal("1.2"))
    fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    document = fabric_booking_send(booking_id=booking.pk, user=merchandiser)
    mark_sent(document.outbox_id)
    return booking


def test_r8_r2_the_changed_booking_waits_for_the_group_head_then_goes_as_rev_2(
    client, order, merchandiser, department_manager, clerk, sent_booking
):
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    context = ChangeContext(order, change, change.diff(), extra=change.proposed["extra"])
    documents = [(str(i.text), str(i.who)) for i in impacts(context) if "F-FAB-001" in str(i.text)]
    assert documents[0][1] == "Sent by itself once the group head signs it again (R2)"
    walk_to_applied(change, merchandiser, department_manager, clerk)

    sent_booking.refresh_from_db()
    assert not sent_booking.is_signed
    (first,) = bookings()  # nothing unsigned leaves (R2)
    assert first.held_at_revision == 2
    old_link = link(first)
    refused = client.post(old_link, {"name": "王廠長"})
    assert refused.status_code == 410
    # In the factory's language (simplified Chinese): revision 2 of the order replaces it.
    assert f"订单 {order.po_number} 第 2 版已取代此 F-FAB-001" in refused.content.decode()
    first.refresh_from_db()
    assert not first.is_confirmed
    assert order.events.filter(action="document_held").exists()
    client.force_login(merchandiser)
    order_page = client.get(order.get_absolute_url()).content.decode()
    assert "Replaced at Rev 2: the new version goes once it is signed again (R8)." in order_page
    client.logout()

    fabric_booking_sign(booking_id=sent_booking.pk, user=department_manager)

    first, second = bookings()
    assert (second.version, second.order_revision) == (2, 2)
    assert second.sent_by == merchandiser and second.recipient_email == first.recipient_email
    replaced = client.post(old_link, {"name": "王廠長"}).content.decode()
    assert "F-FAB-001 第 2 版（订单第 2 版）" in replaced
    mark_sent(second.outbox_id)
    assert client.post(link(second), {"name": "王廠長"}).status_code == 200
    second.refresh_from_db()
    assert second.is_confirmed


def test_r8_a_failed_application_leaves_the_booking_signed_and_its_link_open(
    order, merchandiser, department_manager, clerk, sent_booking
):
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    walk_to_confirmed(change, merchandiser)
    sign(change, department_manager, clerk)

    def fail(context):
        raise ActionRefused("the warehouse's ledger is closed")

    register_change_contributor(code="failing", apply=fail, order=999)
    try:
        with pytest.raises(ActionRefused):
            change_request_apply(change_id=change.pk, user=merchandiser)
    finally:
        unregister_change_contributor("failing")
    sent_booking.refresh_from_db()
    assert sent_booking.is_signed
    (first,) = bookings()
    assert first.held_at_revision is None


def test_r8_a_price_change_leaves_the_booking_as_it_was(
    order, merchandiser, department_manager, clerk, sent_booking
):
    change = raise_change(order, merchandiser, lines={"Navy": {"unit_price": "5.75"}})
    walk_to_applied(change, merchandiser, department_manager, clerk)
    sent_booking.refresh_from_db()
    assert sent_booking.is_signed
    (first,) = bookings()
    assert first.held_at_revision is None


def test_r8_the_old_production_order_link_names_the_new_revision_and_who_to_ask(
    client, order, merchandiser, department_manager, clerk
):
    from orders.documents.services import document_send

    first = document_send(spec_code="F-ORD-001", obj=order, user=merchandiser)
    mark_sent(first.outbox_id)
    change = raise_change(order, merchandiser, lines=MORE_NAVY)
    walk_to_applied(change, merchandiser, department_manager, clerk)

    response = client.post(link(first), {"name": "王廠長"})
    assert response.status_code == 410
    page = response.content.decode()
    assert "F-ORD-001 第 2 版（订单第 2 版）" in page
    assert merchandiser.email in page  # who to contact
    first.refresh_from_db()
    assert not first.is_confirmed
