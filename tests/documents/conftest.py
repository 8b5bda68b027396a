"""Helpers for the forms machinery tests: a Chinese factory's order, PDF text, polling."""

import io
import time
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from orders.choices import Language, Stage
from orders.models import Order
from tests.factories import fresh, make_factory, make_order

FACTORY_HANT = "廣州恒昌製衣廠有限公司"
FACTORY_HANS = "东莞华联针织服装厂"
DESCRIPTION = "男裝純棉長袖恤衫"


@pytest.fixture
def factory_hant(db):
    return make_factory(
        name=FACTORY_HANT, language=Language.TRADITIONAL_CHINESE, address="廣州市番禺區"
    )


@pytest.fixture
def order(merchandiser, factory_hant):
    """An order whose contract review is approved (R10): the production order may go out."""
    order = make_order(
        merchandiser=merchandiser,
        factory=factory_hant,
        description=DESCRIPTION,
        order_date=date(2026, 3, 2),
        ex_factory_date=date(2026, 6, 1),
        customer_date=date(2026, 6, 15),
        lines=[
            {
                "colour": "Navy 藏青",
                "size_breakdown": {"XL": 50, "S": 100, "M": 200, "L": 150},
                "quantity": 500,
                "unit_price": Decimal("5.50"),
            },
            {
                "colour": "White",
                "size_breakdown": {"S": 60, "M": 40},
                "quantity": 100,
                "unit_price": Decimal("5.20"),
            },
        ],
    )
    Order.objects.filter(pk=order.pk).update(stage=Stage.APPROVED)
    return fresh(order)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def squashed(text: str) -> str:
    """Without whitespace: pypdf splits kerned Latin pairs ("T sim Sha T sui") and wraps lines."""
    return "".join(text.split())


def contains_all(text: str, *needles) -> list[str]:
    """The needles missing from the PDF text, compared without whitespace."""
    flat = squashed(text)
    return [str(needle) for needle in needles if squashed(str(needle)) not in flat]


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name → whether its program is embedded in the file."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or (font["/DescendantFonts"][0].get_object()["/FontDescriptor"])
            )
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def wait_for(predicate, *, timeout: float = 30, interval: float = 0.2):
    """Poll until predicate() is truthy: tasks may run in a real worker, not in this thread."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)
