"""The sample comment letter (R4): signed by the group head before it leaves; the customer's
own letter may be used instead."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from orders.services.common import ActionRefused
from samples.choices import LetterLayout, LetterStatus
from samples.services import (
    comment_letter_create,
    comment_letter_send,
    comment_letter_sign,
    comment_letter_upload,
    sample_check_record,
)
from tests.factories import make_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def checked(order, merchandiser):
    sample = make_sample(order)
    return sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[],
        discrepancies=[{"area": "wash", "description": "Shade", "severity": "must_correct"}],
    )


@pytest.fixture
def letter(checked, merchandiser):
    return comment_letter_create(sample_id=checked.pk, user=merchandiser)


def test_r4_letter_needs_a_recorded_check(order, merchandiser):
    sample = make_sample(order)
    with pytest.raises(ActionRefused):
        comment_letter_create(sample_id=sample.pk, user=merchandiser)


def test_r4_letter_states_production_may_not_start_with_a_must_correct_point(letter):
    assert letter.status == LetterStatus.DRAFT
    assert letter.layout == LetterLayout.HOUSE
    assert letter.may_start is False


def test_r4_unsigned_letter_cannot_be_sent(letter, merchandiser):
    with pytest.raises(ActionRefused) as refused:
        comment_letter_send(letter=letter, user=merchandiser)
    assert "sign" in str(refused.value)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT and letter.sent_at is None


def test_r4_only_the_group_head_or_a_manager_signs(letter, merchandiser, finance, qc):
    for user in (merchandiser, finance, qc):
        with pytest.raises(ActionRefused):
            comment_letter_sign(letter=letter, user=user)
    letter.refresh_from_db()
    assert letter.signed_at is None


def test_r4_group_head_signs_and_it_is_recorded(letter, group_head, order):
    letter = comment_letter_sign(letter=letter, user=group_head)
    assert (letter.status, letter.signed_by) == (LetterStatus.SIGNED, group_head)
    assert letter.signed_at is not None and letter.production_may_start is False
    event = order.events.get(action="comment_letter_signed")
    assert event.actor == group_head and event.kind == "approval"


def test_r4_department_manager_may_sign(letter, department_manager):
    assert comment_letter_sign(letter=letter, user=department_manager).is_signed


def test_r4_a_letter_is_signed_once(letter, department_manager):
    comment_letter_sign(letter=letter, user=department_manager)
    with pytest.raises(ActionRefused):
        comment_letter_sign(letter=letter, user=department_manager)


def test_r4_signed_letter_freezes_the_check(letter, checked, merchandiser, department_manager):
    comment_letter_sign(letter=letter, user=department_manager)
    with pytest.raises(ActionRefused):
        sample_check_record(
            sample_id=checked.pk, user=merchandiser, measurements=[], discrepancies=[]
        )


def test_r4_customers_uploaded_letter_is_used_instead(letter, checked, merchandiser, order):
    uploaded = comment_letter_upload(
        sample_id=checked.pk,
        user=merchandiser,
        document=SimpleUploadedFile("comments.pdf", b"%PDF-1.4 customer", "application/pdf"),
        production_may_start=True,
    )
    letter.refresh_from_db()
    assert letter.status == LetterStatus.WITHDRAWN
    assert uploaded.layout == LetterLayout.UPLOADED and uploaded.may_start is True
    from samples.selectors import current_letter, sample_detail

    assert current_letter(sample_detail(sample_id=checked.pk)) == uploaded
    assert order.events.filter(action="comment_letter_uploaded").exists()


def test_r4_uploaded_letter_must_say_whether_production_may_start(checked, merchandiser):
    with pytest.raises(ActionRefused):
        comment_letter_upload(
            sample_id=checked.pk,
            user=merchandiser,
            document=SimpleUploadedFile("c.pdf", b"%PDF-1.4", "application/pdf"),
            production_may_start=None,
        )


def test_r4_uploaded_letter_is_signed_before_it_leaves(checked, merchandiser, group_head):
    uploaded = comment_letter_upload(
        sample_id=checked.pk,
        user=merchandiser,
        document=SimpleUploadedFile("c.pdf", b"%PDF-1.4", "application/pdf"),
        production_may_start=False,
    )
    with pytest.raises(ActionRefused):
        comment_letter_send(letter=uploaded, user=merchandiser)
    signed = comment_letter_sign(letter=uploaded, user=group_head)
    assert signed.may_start is False


def test_customer_layout_can_be_chosen(checked, merchandiser):
    letter = comment_letter_create(
        sample_id=checked.pk, user=merchandiser, layout=LetterLayout.CUSTOMER
    )
    assert letter.layout == "F-PMER-001"
