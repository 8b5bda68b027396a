"""The samples' forms render in en / zh-hant / zh-hans, with extractable CJK text."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from orders.documents.registry import get_form
from orders.documents.render import render_html, render_pdf
from samples.choices import LetterLayout
from samples.forms_registry import HANG_TAG
from samples.services import (
    comment_letter_create,
    comment_letter_sign,
    sample_check_record,
    sample_decide,
)
from tests.factories import make_sample

pytestmark = pytest.mark.django_db

# A phrase of each language that the form's own text must carry once translated; without
# translations the English text still renders and the CJK data (customer, factory) must survive.
CJK_DATA = "旭日針織廠"


@pytest.fixture
def letter(order, merchandiser, department_manager):
    order.factory.name = CJK_DATA
    order.factory.save()
    sample = make_sample(order)
    sample_check_record(
        sample_id=sample.pk,
        user=merchandiser,
        measurements=[
            {
                "point_of_measure": "胸寬 Chest",
                "size": "M",
                "spec": 50,
                "tolerance": 1,
                "actual": 53,
            }
        ],
        discrepancies=[{"area": "wash", "description": "洗水顏色太深", "severity": "must_correct"}],
    )
    letter = comment_letter_create(sample_id=sample.pk, user=merchandiser)
    return comment_letter_sign(letter=letter, user=department_manager)


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("code", [LetterLayout.HOUSE, LetterLayout.CUSTOMER])
@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r4_letter_renders_every_discrepancy_and_the_verdict(letter, code, language):
    spec = get_form(code)
    html = render_html(spec, letter, language)
    assert "洗水顏色太深" in html and "胸寬 Chest" in html
    text = pdf_text(render_pdf(spec, letter, language))
    assert CJK_DATA in text
    assert "洗水顏色太深" in text
    assert letter.sample.order.po_number in text


def test_r4_draft_letter_says_it_is_not_valid(order, merchandiser):
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    draft = comment_letter_create(sample_id=sample.pk, user=merchandiser)
    html = render_html(get_form(LetterLayout.HOUSE), draft, "en")
    assert "DRAFT" in html and "Production may start." in html


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r4_approval_tag_carries_order_date_and_signer(order, merchandiser, language):
    order.customer.name = "真維斯"
    order.customer.save()
    sample = make_sample(order)
    sample = sample_decide(sample_id=sample.pk, user=merchandiser, approved=True)
    text = pdf_text(render_pdf(get_form(HANG_TAG), sample, language))
    assert "APPROVAL SAMPLE" in text
    assert order.po_number in text and "真維斯" in text
    assert timezone.localtime(sample.decided_at).strftime("%Y-%m-%d") in text
    assert merchandiser.get_username() in text


def test_the_forms_are_registered_for_the_factory(letter):
    for code in (LetterLayout.HOUSE, LetterLayout.CUSTOMER):
        spec = get_form(code)
        assert spec.recipient(letter) == letter.sample.order.factory
        assert spec.order_of(letter) == letter.sample.order
