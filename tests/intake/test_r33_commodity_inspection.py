"""R33 commodity inspection (商檢): an order for a product under statutory inspection carries
the requirement; the production order to the factory says so and lists the papers we provide;
its plan gets the inspection and customs bookings; the export tracking sheet shows them."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.planning.commodity import (
    CUSTOMS_BOOKED,
    INSPECTION_BOOKED,
    INSPECTION_PASSED,
    r33_commodity_inspection_status,
)
from orders.services.common import ActionRefused
from orders.services.orders import order_update
from orders.services.planning import milestone_complete, plan_build
from tests.documents.conftest import contains_all, pdf_text
from tests.exports.conftest import table_of
from tests.factories import fresh, make_order

pytestmark = pytest.mark.django_db

R33_CODES = [INSPECTION_BOOKED, INSPECTION_PASSED, CUSTOMS_BOOKED]
LINES = [{"colour": "Navy", "quantity": 300, "unit_price": Decimal("5.5")}]


@pytest.fixture
def inspected(merchandiser):
    """Leaves the factory on Thursday 30 April 2026 (1 May is Labour Day, not a holiday here)."""
    order = make_order(
        merchandiser=merchandiser,
        commodity_inspection=True,
        po_number="CIQ-1",
        order_date=date(2026, 1, 5),
        ex_factory_date=date(2026, 4, 30),
        customer_date=date(2026, 5, 15),
    )
    plan_build(order=order, user=merchandiser, today=date(2026, 1, 12))
    return order


def r33_milestones(order) -> dict:
    return {m.code: m for m in order.milestones.all() if m.code in R33_CODES}


def test_r33_the_plan_gets_the_inspection_and_customs_bookings(inspected):
    planned = {code: m.planned_date for code, m in r33_milestones(inspected).items()}
    # Working days before Thursday 30 April: the weekends are skipped.
    assert planned == {
        INSPECTION_BOOKED: date(2026, 4, 16),
        INSPECTION_PASSED: date(2026, 4, 27),
        CUSTOMS_BOOKED: date(2026, 4, 28),
    }


def test_r33_an_order_without_the_requirement_has_no_such_milestones(merchandiser):
    order = make_order(merchandiser=merchandiser)
    plan_build(order=order, user=merchandiser)
    assert r33_milestones(order) == {}
    assert r33_commodity_inspection_status(order) == "Not required"


def test_r33_setting_the_flag_later_adds_them_and_keeps_what_is_done(merchandiser, qc):
    order = make_order(merchandiser=merchandiser)
    plan_build(order=order, user=merchandiser)
    with pytest.raises(ActionRefused):  # QC does not edit the order's contract
        order_update(
            order_id=order.pk,
            user=qc,
            version=fresh(order).version,
            data={"commodity_inspection": True},
            lines=LINES,
        )
    done = order.milestones.get(code="lab_dips")
    milestone_complete(milestone_id=done.pk, user=merchandiser)
    order_update(
        order_id=order.pk,
        user=merchandiser,
        version=fresh(order).version,
        data={"commodity_inspection": True},
        lines=LINES,
    )
    assert set(r33_milestones(order)) == set(R33_CODES)
    assert order.milestones.get(code="lab_dips").actual_date is not None


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r33_production_order_states_the_inspection_and_the_papers(inspected, language):
    text = pdf_text(render_pdf(get_form("F-ORD-001"), inspected, language))
    with translation.override(language):
        expected = [
            _("Commodity inspection (商檢)"),
            _("We provide the papers the inspection needs:"),
            _("Export contract (出口合同)"),
            _("Commercial invoice (商業發票)"),
        ]
    assert contains_all(text, *expected) == []
    if language != "en":
        assert "Export contract" not in text and "statutory" not in text


def test_r33_an_ordinary_production_order_says_nothing_of_it(merchandiser):
    order = make_order(merchandiser=merchandiser)
    text = pdf_text(render_pdf(get_form("F-ORD-001"), order, "en"))
    assert "Commodity inspection" not in text


def test_r33_export_tracking_sheet_shows_the_status(client, inspected, merchandiser):
    client.force_login(merchandiser)
    header, rows = table_of(client.get("/shipping/tracking/", {"q": "CIQ-1", "export": "xlsx"}))
    status = dict(zip(header, rows[0], strict=True))["Commodity inspection (R33)"]
    assert "booked (R33): due 2026-04-16" in status
    booked = inspected.milestones.get(code=INSPECTION_BOOKED)
    milestone_complete(milestone_id=booked.pk, user=merchandiser, on=date(2026, 1, 20))
    header, rows = table_of(client.get("/shipping/tracking/", {"q": "CIQ-1", "export": "xlsx"}))
    status = dict(zip(header, rows[0], strict=True))["Commodity inspection (R33)"]
    assert "booked (R33): done 2026-01-20" in status and "passed (R33): due 2026-04-27" in status
