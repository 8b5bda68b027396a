"""Rendering the production order form (F-ORD-001): languages, fonts, extractable CJK text."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from orders.documents import render
from orders.documents.builtin_forms import size_key
from orders.documents.registry import get_form
from orders.text import INVISIBLE_CONTROLS
from tests.documents.conftest import DESCRIPTION, FACTORY_HANT, embedded_fonts, pdf_text
from tests.factories import make_order

pytestmark = pytest.mark.django_db

SPEC_CODE = "F-ORD-001"


@pytest.mark.parametrize(
    ("language", "family"),
    [("en", "DejaVu"), ("zh-hant", "Noto-Sans-CJK-TC"), ("zh-hans", "Noto-Sans-CJK-SC")],
)
def test_production_order_cjk_text_is_extractable_in_every_language(order, language, family):
    pdf = render.render_pdf(get_form(SPEC_CODE), order, language)

    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert FACTORY_HANT in text
    assert DESCRIPTION in text
    assert "藏青" in text
    assert order.po_number in text
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert any(family in name for name in fonts), fonts
    # A Chinese name on an English form still comes out in a CJK font, not as empty boxes.
    assert any("CJK" in name for name in fonts), fonts


def test_form_header_and_page_counter(order):
    text = pdf_text(render.render_pdf(get_form(SPEC_CODE), order, "en"))

    assert "Gendan Trading Co., Ltd." in text
    assert "F-ORD-001" in text
    assert "Page 1 of 1" in text


def test_table_header_repeats_on_every_page(merchandiser, factory_hant):
    lines = [
        {"colour": f"Colour {n}", "size_breakdown": {"S": 1}, "quantity": 1, "unit_price": 1}
        for n in range(90)
    ]
    order = make_order(merchandiser=merchandiser, factory=factory_hant, lines=lines)
    pdf = render.render_pdf(get_form(SPEC_CODE), order, "en")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert "Colour" in text and "Quantity" in text
        assert f"Page {number} of {len(pages)}" in text


def test_html_renders_in_the_requested_language_and_leaves_the_active_one(order):
    with translation.override("en"):
        html = render.render_html(get_form(SPEC_CODE), order, "zh-hant")
        assert translation.get_language() == "en"
    assert 'lang="zh-Hant"' in html
    assert '"Noto Sans CJK TC"' in html
    assert "<thead>" in html


def test_unknown_language_refused(order):
    with pytest.raises(render.UnknownLanguage):
        render.render_html(get_form(SPEC_CODE), order, "fr")


def test_sizes_follow_the_size_run_not_the_stored_key_order(order):
    context = get_form(SPEC_CODE).context(order)
    assert context["sizes"] == ["S", "M", "L", "XL"]
    assert context["rows"][1]["pieces"] == [60, 40, "", ""]
    assert context["size_totals"] == [160, 240, 150, 50]
    assert sorted(["10", "8", "XS", "free"], key=size_key) == ["XS", "8", "10", "free"]


def test_system_check_warns_without_harfbuzz_subsetting(monkeypatch):
    from orders.documents import checks, fonts

    assert checks.check_pdf_fonts() == []  # this machine has what scripts/ installs
    monkeypatch.setattr(fonts, "harfbuzz_subset_available", lambda: False)
    monkeypatch.setattr(fonts, "missing_families", lambda: ["Noto Sans CJK TC"])
    assert [problem.id for problem in checks.check_pdf_fonts()] == ["orders.W101", "orders.W102"]


def test_bidi_overrides_and_zero_width_characters_are_not_printed(order):
    from orders.models import Order

    # "fdp" + right-to-left override + ".exe" would print as "exe.pdf" on the factory's copy.
    Order.objects.filter(pk=order.pk).update(
        description="Drawing fdp\u202e.exe\u202c att\u200bached", style_no="ST\u2066-7\u2069"
    )
    order.refresh_from_db()

    html = render.render_html(get_form(SPEC_CODE), order, "en")
    text = pdf_text(render.render_pdf(get_form(SPEC_CODE), order, "en"))

    for printed in (html, text):
        assert "fdp.exe" in printed and "attached" in printed and "ST-7" in printed
        assert not INVISIBLE_CONTROLS.search(printed)
