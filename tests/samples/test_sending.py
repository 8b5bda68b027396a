"""A signed letter goes through the forms machinery: the factory in its language, the
customer's copy in English; each send is recorded on the order."""

import pytest
from django.core import mail

from orders.models import CustomerContact, SentDocument
from orders.services.common import ActionRefused
from samples.choices import LetterStatus
from samples.services import (
    comment_letter_create,
    comment_letter_send,
    comment_letter_sign,
    sample_check_record,
)
from tests.factories import make_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(order, merchandiser, department_manager):
    order.factory.language = "zh-hant"
    order.factory.save()
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    letter = comment_letter_create(sample_id=sample.pk, user=merchandiser)
    return comment_letter_sign(letter=letter, user=department_manager)


def test_r4_signed_letter_goes_to_the_factory_in_its_language(
    signed, merchandiser, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = comment_letter_send(letter=signed, user=merchandiser)
    assert (letter.status, letter.sent_by) == (LetterStatus.SENT, merchandiser)
    document = SentDocument.objects.get(order=order)
    assert (document.form_code, document.recipient_language) == ("F-PMER-004", "zh-hant")
    assert document.recipient_email == order.factory.email
    [message] = mail.outbox
    assert message.attachments[0][2] == "application/pdf"
    assert order.events.filter(action="comment_letter_sent").exists()


def test_customers_copy_goes_in_english(signed, merchandiser, order):
    with pytest.raises(ActionRefused):  # no contact with an e-mail yet
        comment_letter_send(letter=signed, user=merchandiser, to_customer=True)
    CustomerContact.objects.create(customer=order.customer, name="Ann", email="ann@example.com")
    comment_letter_send(letter=signed, user=merchandiser, to_customer=True)
    document = SentDocument.objects.get(order=order)
    assert (document.recipient_email, document.recipient_language) == ("ann@example.com", "en")
    signed.refresh_from_db()
    assert signed.status == LetterStatus.SIGNED  # the factory has not had it yet


def test_letter_may_be_sent_again(signed, merchandiser, order):
    comment_letter_send(letter=signed, user=merchandiser)
    comment_letter_send(letter=signed, user=merchandiser)
    versions = SentDocument.objects.filter(order=order).values_list("version", flat=True)
    assert sorted(versions) == [1, 2]


def test_finance_may_not_send(signed, finance):
    with pytest.raises(ActionRefused):
        comment_letter_send(letter=signed, user=finance)
    assert not SentDocument.objects.exists()
