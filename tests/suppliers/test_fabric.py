"""R2: fabric booking signed by the group head before it goes to the factory; colour standards
and bulk fabric decided by the merchandiser or the customer, with who and why recorded."""

from datetime import date

import pytest
from django.core import mail

from orders.models import SentDocument
from orders.services.common import ActionRefused
from suppliers import services
from suppliers.choices import (
    CustomerDecisionReason,
    Decider,
    Decision,
    SupplierEvent,
    SupplierKind,
)
from suppliers.models import FabricBooking
from tests.factories import make_team, make_user
from tests.suppliers.builders import booking_fields, make_booking, make_supplier

pytestmark = pytest.mark.django_db


def test_r2_booking_records_every_field_and_the_event(order, merchandiser):
    booking = make_booking(order)
    assert booking.fabric_name == "Cotton poplin" and not booking.is_signed
    assert order.events.filter(action="fabric_booking_created", actor=merchandiser).exists()


def test_r2_booking_with_a_missing_field_is_refused_with_the_field_named(order):
    with pytest.raises(ActionRefused) as refused:
        make_booking(order, construction="")
    assert any("construction" in detail for detail in refused.value.details)
    assert not FabricBooking.objects.exists()


def test_r2_booking_needs_a_fabric_mill(order):
    with pytest.raises(ActionRefused):
        make_booking(order, supplier=make_supplier(SupplierKind.TRIM_SUPPLIER))


def test_r2_group_head_signs(order, department_manager):
    booking = make_booking(order)
    services.fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    booking.refresh_from_db()
    assert booking.signed_by == department_manager and booking.signed_at
    assert order.events.filter(action="fabric_booking_signed", actor=department_manager).exists()


def test_r2_team_head_without_manager_role_signs(order, merchandiser):
    head = make_user("merchandiser", team=order.team)
    order.team.head = head
    order.team.save()
    booking = make_booking(order)
    services.fabric_booking_sign(booking_id=booking.pk, user=head)
    assert FabricBooking.objects.get().signed_by == head


def test_r2_merchandiser_cannot_sign(order, merchandiser):
    booking = make_booking(order)
    with pytest.raises(ActionRefused):
        services.fabric_booking_sign(booking_id=booking.pk, user=merchandiser)
    assert not FabricBooking.objects.get().is_signed


def test_r2_unsigned_booking_cannot_be_sent(order, merchandiser):
    booking = make_booking(order)
    with pytest.raises(ActionRefused) as refused:
        services.fabric_booking_send(booking_id=booking.pk, user=merchandiser)
    assert "R2" in str(refused.value)
    assert not SentDocument.objects.exists()
    assert mail.outbox == []


def test_r2_signed_booking_is_sent_as_form_f_fab_001(order, merchandiser, department_manager):
    booking = make_booking(order)
    services.fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    document = services.fabric_booking_send(booking_id=booking.pk, user=merchandiser)
    assert document.form_code == "F-FAB-001"
    assert document.recipient_email == order.factory.email
    assert FabricBooking.objects.get().sent_at is not None
    assert order.events.filter(action="fabric_booking_sent").exists()


def test_r2_changing_signed_data_voids_the_signature(order, merchandiser, department_manager):
    booking = make_booking(order)
    services.fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    fields = booking_fields(order, supplier=booking.supplier, price=booking.price * 2)
    services.fabric_booking_update(booking_id=booking.pk, user=merchandiser, **fields)
    assert not FabricBooking.objects.get().is_signed
    with pytest.raises(ActionRefused):
        services.fabric_booking_send(booking_id=booking.pk, user=merchandiser)


def test_other_team_cannot_book_fabric(order):
    outsider = make_user("merchandiser", team=make_team())
    with pytest.raises(ActionRefused):
        make_booking(order, user=outsider)


# ---- colour standards ---------------------------------------------------------------------


def test_lab_dip_rounds_rejected_then_approved(order, merchandiser):
    first = services.lab_dip_submit(
        order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
    )
    with pytest.raises(ActionRefused):  # a rejection needs comments for the factory
        services.lab_dip_decide(
            submission_id=first.pk, user=merchandiser, decision=Decision.REJECTED
        )
    services.lab_dip_decide(
        submission_id=first.pk, user=merchandiser, decision=Decision.REJECTED, comments="Too red"
    )
    second = services.lab_dip_submit(
        order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
    )
    assert second.round == 2
    services.lab_dip_decide(submission_id=second.pk, user=merchandiser, decision=Decision.APPROVED)
    rejected = order.events.filter(action="lab_dip_rejected")
    assert any("Too red" in event.text for event in rejected)
    with pytest.raises(ActionRefused):  # approved: no further round
        services.lab_dip_submit(
            order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
        )


def test_r2_customer_decision_records_who_and_why(order, merchandiser):
    sub = services.lab_dip_submit(
        order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
    )
    with pytest.raises(ActionRefused):  # the customer decided: say why
        services.lab_dip_decide(
            submission_id=sub.pk,
            user=merchandiser,
            decision=Decision.APPROVED,
            decided_by_party=Decider.CUSTOMER,
        )
    sub = services.lab_dip_decide(
        submission_id=sub.pk,
        user=merchandiser,
        decision=Decision.APPROVED,
        decided_by_party=Decider.CUSTOMER,
        customer_reason=CustomerDecisionReason.NO_AGREEMENT,
        comments="Customer accepted shade B",
    )
    assert (sub.decided_by_party, sub.customer_reason, sub.recorded_by) == (
        Decider.CUSTOMER,
        CustomerDecisionReason.NO_AGREEMENT,
        merchandiser,
    )


def test_r2_a_decision_is_refused_saying_why_and_leaves_the_round_waiting(order, merchandiser):
    sub = services.lab_dip_submit(
        order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=date.today()
    )
    outsider = make_user("merchandiser", team=make_team())
    refusals = [
        ({"user": outsider, "decision": Decision.APPROVED}, "You may not change the materials"),
        ({"decision": "maybe"}, "Approve or reject."),
        ({"decision": Decision.APPROVED, "decided_by_party": "factory"}, "Say who decided"),
        ({"decision": Decision.REJECTED, "comments": "  "}, "Please give the comments"),
    ]
    for answer, refusal in refusals:
        with pytest.raises(ActionRefused, match=refusal):
            services.lab_dip_decide(submission_id=sub.pk, **{"user": merchandiser, **answer})
    sub.refresh_from_db()
    assert (
        sub.is_pending
        and sub.recorded_by is None
        and not order.events.filter(action="lab_dip_approved").exists()
    )
    services.lab_dip_decide(submission_id=sub.pk, user=merchandiser, decision=Decision.APPROVED)
    for decision in (Decision.REJECTED, "maybe"):
        with pytest.raises(ActionRefused, match="This round was already decided."):
            services.lab_dip_decide(
                submission_id=sub.pk, user=merchandiser, decision=decision, comments="Too red"
            )


# ---- bulk fabric ----------------------------------------------------------------------------


def test_r2_washed_fabric_needs_the_wash_standard(order, merchandiser):
    booking = make_booking(order, wash_standard="Enzyme wash, std 3")
    with pytest.raises(ActionRefused):
        services.bulk_fabric_submit(
            booking_id=booking.pk, user=merchandiser, submitted_on=date.today()
        )
    sub = services.bulk_fabric_submit(
        booking_id=booking.pk,
        user=merchandiser,
        submitted_on=date.today(),
        with_wash_standard=True,
    )
    assert sub.round == 1


def test_r2_approved_bulk_swatch_is_signed_and_recorded(order, merchandiser):
    booking = make_booking(order)
    sub = services.bulk_fabric_submit(
        booking_id=booking.pk, user=merchandiser, submitted_on=date.today()
    )
    sub = services.bulk_fabric_decide(
        submission_id=sub.pk, user=merchandiser, decision=Decision.APPROVED
    )
    assert sub.signed_by == merchandiser and sub.decided_at
    assert order.events.filter(action="bulk_fabric_approved", actor=merchandiser).exists()


def test_the_materials_table_tells_the_signed_booking_from_the_mill_order(
    client, order, department_manager, merchandiser
):
    """The table said "Not ordered" (未訂, "not booked") while the text under it said the booking
    was signed and approved: it was the mill order's step, shown as the booking's."""
    booking = make_booking(order)
    services.fabric_booking_sign(booking_id=booking.pk, user=department_manager)
    client.force_login(merchandiser)
    body = client.get(order.get_absolute_url()).content.decode()
    assert "Booking signed · fabric from the mill: Not ordered" in body


def test_materials_timeline_text_is_shown_in_the_readers_language(order, merchandiser):
    """Generated timeline text was stored in the language of whoever acted: a manager reading
    Chinese saw 'Fabric booking added: ...' in English."""
    from django.utils import translation

    with translation.override("en"):
        make_booking(order)
    event = order.events.get(action="fabric_booking_created")
    with translation.override("zh-hant"):
        assert event.text.startswith(str(SupplierEvent("fabric_booking_created").label))
        assert "Fabric booking added" not in event.text
