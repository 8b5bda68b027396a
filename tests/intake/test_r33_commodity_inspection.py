"""R33 commodity inspection (商檢): an order for a product under statutory inspection carries
the requirement; the production order to the factory says so and lists the papers we provide;
its plan gets the inspection and customs bookings; the export tracking sheet shows them."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from orders.choices import Stage
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.intake.choices import CommodityInspectionStep
from orders.intake.models import CommodityInspectionRecord
from orders.intake.services import commodity_inspection_record
from orders.models import Order, PlanTemplate
from orders.planning.choices import CommodityInspectionEvent
from orders.planning.commodity import (
    CUSTOMS_BOOKED,
    INSPECTION_BOOKED,
    INSPECTION_PASSED,
    r33_commodity_inspection_status,
)
from orders.roles import Role
from orders.services.common import ActionRefused
from orders.services.orders import order_update
from orders.services.planning import milestone_complete, plan_build
from orders.timeline import render_message
from tests.documents.conftest import contains_all, pdf_text
from tests.exports.conftest import table_of
from tests.factories import fresh, make_order, make_user
from tests.guards import GuardedOrderView

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


# ---- recorded steps complete the plan's milestones --------------------------------------------


def record(order, user, step, number="CIQ-0001", on=None):
    return commodity_inspection_record(
        order_id=order.pk, user=user, step=step, number=number, on=on or date.today()
    )


@pytest.fixture
def producing(inspected):
    Order.objects.filter(pk=inspected.pk).update(stage=Stage.IN_PRODUCTION)
    return fresh(inspected)


def test_r33_recorded_booking_and_certificate_complete_the_milestones(
    client, producing, merchandiser, administration
):
    booking = record(producing, merchandiser, CommodityInspectionStep.BOOKED, "BK-4471")
    assert r33_milestones(producing)[INSPECTION_BOOKED].actual_date == date.today()
    assert r33_milestones(producing)[INSPECTION_BOOKED].completed_by_user == merchandiser
    assert r33_milestones(producing)[INSPECTION_PASSED].actual_date is None
    event = producing.events.get(action=CommodityInspectionEvent.INSPECTION_BOOKED)
    assert (event.actor, event) == (
        merchandiser,
        r33_milestones(producing)[INSPECTION_BOOKED].completed_by_event,
    )
    assert "BK-4471" in render_message(event.message)
    assert booking.recorded_by == merchandiser
    record(producing, administration, CommodityInspectionStep.PASSED, "CIQ-2026-118")
    record(producing, merchandiser, CommodityInspectionStep.CUSTOMS_BOOKED, "DEC-55")
    assert all(m.actual_date == date.today() for m in r33_milestones(producing).values())
    client.force_login(merchandiser)
    header, rows = table_of(client.get("/shipping/tracking/", {"q": "CIQ-1", "export": "xlsx"}))
    status = dict(zip(header, rows[0], strict=True))["Commodity inspection (R33)"]
    assert status.count(f"done {date.today()}") == 3


def test_r33_a_template_with_its_own_bookings_completes_them_too(merchandiser):
    template = PlanTemplate.objects.get(is_default=True)
    template.milestones.create(
        code=INSPECTION_BOOKED, anchor="ex_factory", offset=-12, unit="working_days", position=99
    )
    order = make_order(merchandiser=merchandiser, commodity_inspection=True)
    plan_build(order=order, user=merchandiser, template=template)
    Order.objects.filter(pk=order.pk).update(stage=Stage.APPROVED)
    record(fresh(order), merchandiser, CommodityInspectionStep.BOOKED)
    assert r33_milestones(order)[INSPECTION_BOOKED].actual_date == date.today()
    assert template.milestones.get(code=INSPECTION_BOOKED).completed_by == ""


def test_r33_steps_come_in_order_once_and_only_for_inspected_orders(producing, merchandiser):
    with pytest.raises(ActionRefused, match="step by step"):
        record(producing, merchandiser, CommodityInspectionStep.PASSED)
    with pytest.raises(ActionRefused, match="future"):
        record(producing, merchandiser, CommodityInspectionStep.BOOKED, on=date(2099, 1, 1))
    with pytest.raises(ActionRefused, match="number"):
        record(producing, merchandiser, CommodityInspectionStep.BOOKED, number=" ")
    record(producing, merchandiser, CommodityInspectionStep.BOOKED)
    with pytest.raises(ActionRefused, match="already"):
        record(producing, merchandiser, CommodityInspectionStep.BOOKED)
    plain = make_order(merchandiser=merchandiser)
    with pytest.raises(ActionRefused, match="R33"):
        record(plain, merchandiser, CommodityInspectionStep.BOOKED)
    assert CommodityInspectionRecord.objects.count() == 1


def test_r33_commodity_inspection_refused_for_the_wrong_role(producing, qc, finance, pmc, outsider):
    warehouse = make_user(Role.WAREHOUSE)
    for someone in (qc, finance, pmc, warehouse, outsider):
        with pytest.raises(ActionRefused, match="R33"):
            record(producing, someone, CommodityInspectionStep.BOOKED)
    assert not CommodityInspectionRecord.objects.exists()


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r33_commodity_inspection_section_on_the_order_page(
    client, producing, merchandiser, language
):
    merchandiser.profile.language = language
    merchandiser.profile.save()
    client.force_login(merchandiser)
    with translation.override(language):
        title, booked, passed = (
            _("Commodity inspection (商檢)"),
            _("Inspection booked"),
            _("Inspection passed (certificate)"),
        )
    page = client.get(producing.get_absolute_url()).content.decode()
    assert title in page and booked in page
    client.post(
        reverse("intake:commodity_inspection", args=[producing.pk]),
        {"step": "booked", "number": "BK-9", "on": date.today().isoformat()},
    )
    page = client.get(producing.get_absolute_url()).content.decode()
    assert "BK-9" in page and passed in page
    assert r33_milestones(producing)[INSPECTION_BOOKED].actual_date == date.today()
    if language != "en":
        assert "Inspection booked" not in page
    plain = make_order(merchandiser=merchandiser)
    Order.objects.filter(pk=plain.pk).update(stage=Stage.IN_PRODUCTION)
    assert title not in client.get(plain.get_absolute_url()).content.decode()


class TestCommodityInspectionGuard(GuardedOrderView):
    namespace = "intake"
    url_name = "commodity_inspection"
    method = "post"

    @pytest.fixture
    def order(self, producing):
        return producing
