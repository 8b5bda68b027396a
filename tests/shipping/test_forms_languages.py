"""The packing list (SHP-PL) and commercial invoice (SHP-CI) print in en, zh-hant and zh-hans
with the order's Chinese data extractable from the PDF."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from shipping.services import (
    packing_list_generate,
    shipping_marks_save,
)
from tests.shipping.conftest import issue_invoice

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hant", "zh-hans"]


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def chinese_order(order):
    order.customer.name = "東方貿易有限公司"
    order.customer.save()
    order.style_no = "童裝-88"
    order.description = "純棉男裝恤衫"
    order.save()
    order.lines.update(colour="藏青")
    return order


@pytest.fixture
def packing_list(chinese_order, merchandiser):
    shipping_marks_save(order_id=chinese_order.pk, user=merchandiser, main_marks="東方 / 香港")
    return packing_list_generate(
        order_id=chinese_order.pk,
        user=merchandiser,
        pieces_per_carton=24,
        net_weight_per_piece_kg=Decimal("0.25"),
        carton_weight_kg=Decimal("1.2"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("30"),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_packing_list_prints_chinese_data_in_each_language(packing_list, language):
    text = pdf_text(render_pdf(get_form("SHP-PL"), packing_list, language))
    assert "SHP-PL" in text
    assert "東方貿易有限公司" in text
    assert "童裝-88" in text
    assert "藏青" in text
    assert "東方 / 香港" in text
    totals = packing_list.totals()
    assert str(totals["cartons"]) in text and str(totals["pieces"]) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_commercial_invoice_prints_chinese_data_in_each_language(
    chinese_order, merchandiser, language
):
    invoice = issue_invoice(chinese_order, "CI-2026-088")
    text = pdf_text(render_pdf(get_form("SHP-CI"), invoice, language))
    assert "SHP-CI" in text
    assert "CI-2026-088" in text
    assert "東方貿易有限公司" in text
    assert "純棉男裝恤衫" in text
    assert "藏青" in text
    assert "5,500.00" in text  # 1 000 pcs × 5.50
