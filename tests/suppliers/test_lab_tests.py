"""R3: bulk fabric tests go to approved labs only; a failure e-mails the customer's contacts and
the factory at once, each in its own language, and holds the materials gate."""

from datetime import date

import pytest
from django.core import mail

from orders.gates import gate_statuses
from orders.models import CustomerContact, OutboxMessage
from orders.services.common import ActionRefused
from suppliers import notifications, services
from suppliers.choices import LabResult
from suppliers.models import LabTest
from tests.outbox import after_commit
from tests.suppliers.builders import make_booking, make_lab

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(order):
    order.customer.language = "en"
    order.customer.save()
    CustomerContact.objects.create(customer=order.customer, name="Jane", email="jane@brand.com")
    order.factory.language = "zh-hant"
    order.factory.save()
    return make_booking(order, tests_required=True)


def send(booking, user, lab=None):
    return services.lab_test_send(
        booking_id=booking.pk,
        user=user,
        lab_id=(lab or make_lab()).pk,
        sent_on=date.today(),
        items=[{"name": "Colour fastness", "requirement": "4"}, {"name": "Shrinkage"}],
    )


def record(test, user, *, passed=(True, True)):
    items = list(test.items.all())
    return services.lab_test_record_results(
        test_id=test.pk,
        user=user,
        results={
            item.pk: ("3" if not ok else "4-5", ok) for item, ok in zip(items, passed, strict=True)
        },
        reported_on=date.today(),
    )


def lab_gate(order):
    return {s.gate.code: s.met for s in gate_statuses(order, "start_production")}.get(
        "lab_tests_passed"
    )


def test_r3_only_approved_labs(booking, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        send(booking, merchandiser, lab=make_lab(approved=False))
    assert "R3" in str(refused.value)
    assert not LabTest.objects.exists()


def test_r3_failing_result_tells_customer_and_factory_at_once_in_their_languages(
    booking, merchandiser, django_capture_on_commit_callbacks
):
    test = send(booking, merchandiser)
    with django_capture_on_commit_callbacks(execute=True):
        record(test, merchandiser, passed=(False, True))
    assert LabTest.objects.get().result == LabResult.FAILED
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"jane@brand.com", booking.order.factory.email}
    assert "failed" in by_recipient["jane@brand.com"].subject.lower()
    notice = OutboxMessage.objects.get(recipient=booking.order.factory.email)
    assert notice.payload["language"] == "zh-hant"
    assert "Colour fastness" in by_recipient[booking.order.factory.email].body
    assert booking.order.events.filter(action="lab_test_failed").exists()


def test_r3_failing_result_holds_the_gate_until_a_new_test_passes(booking, merchandiser):
    order = booking.order
    assert lab_gate(order) is False
    record(send(booking, merchandiser), merchandiser, passed=(False, True))
    assert lab_gate(order) is False
    record(send(booking, merchandiser), merchandiser)
    assert lab_gate(order) is True


def test_r3_gate_does_not_apply_when_no_test_is_required(order):
    make_booking(order)
    assert lab_gate(order) is None


def test_r3_results_needed_for_every_item(booking, merchandiser):
    test = send(booking, merchandiser)
    item = test.items.first()
    with pytest.raises(ActionRefused):
        services.lab_test_record_results(
            test_id=test.pk,
            user=merchandiser,
            results={item.pk: ("4", True)},
            reported_on=date.today(),
        )


def test_r3_failure_notice_is_sent_once_even_when_the_task_runs_twice(booking, merchandiser):
    test = send(booking, merchandiser)
    with after_commit():
        record(test, merchandiser, passed=(False, False))
    assert len(mail.outbox) == 2  # the customer's contact and the factory
    mail.outbox.clear()
    with after_commit():
        notifications.lab_test_failed(test)  # the same notice queued again...
    assert mail.outbox == []  # ...is the row already sent: nothing goes twice


def test_qc_may_record_lab_results(booking, merchandiser, qc):
    test = send(booking, merchandiser)
    assert record(test, qc).result == LabResult.PASSED
