"""The managers' KPIs page and the factory scorecard: what each figure counts, charted with the
numbers behind it, exported, and for managers only."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from orders.choices import Stage
from orders.models import DateChangeRequest, Milestone
from orders.planning.choices import DateChangeKind, DateChangeStatus, Party
from tests.exports.conftest import csv_of
from tests.factories import make_factory, make_order
from tests.shipping.conftest import at_stage, book_final, record

pytestmark = pytest.mark.django_db

# Within the KPIs' default period (the last 12 months), whenever the tests run.
LAST_MONTH = (date.today().replace(day=1) - timedelta(days=1)).replace(day=15)


def shipped_on(order, day: date) -> None:
    Milestone.objects.create(
        order=order, code="ex_factory", is_ex_factory=True, planned_date=order.ex_factory_date,
        actual_date=day,
    )  # fmt: skip


@pytest.fixture
def two_factories(merchandiser, qc):
    good, slow = make_factory(name="Good Garments"), make_factory(name="Slow Sewing")
    ex_factory = LAST_MONTH
    orders = {}
    for name, factory in (("good", good), ("slow", slow)):
        orders[name] = [
            make_order(merchandiser=merchandiser, factory=factory, ex_factory_date=ex_factory,
                       po_number=f"{name}-{n}")
            for n in range(2)
        ]  # fmt: skip
    shipped_on(orders["good"][0], ex_factory)
    shipped_on(orders["good"][1], ex_factory - timedelta(days=2))
    shipped_on(orders["slow"][0], ex_factory)
    shipped_on(orders["slow"][1], ex_factory + timedelta(days=9))  # late
    # Slow Sewing's first final inspection fails, its re-inspection passes: not first time.
    failing = at_stage(orders["slow"][0], Stage.INSPECTION)
    record(book_final(failing, qc), qc, major=40)
    record(book_final(failing, qc), qc)
    passing = at_stage(orders["good"][0], Stage.INSPECTION)
    record(book_final(passing, qc), qc)
    return good, slow, orders


def kpi_section(body: str, code: str) -> str:
    return re.search(rf'<section class="card kpi" id="kpi-{code}">(.*?)</section>', body, re.S)[1]


def test_on_time_delivery_by_factory_and_month(client, department_manager, two_factories):
    client.force_login(department_manager)
    body = client.get("/reports/kpis/").content.decode()
    by_factory = kpi_section(body, "on_time_factory")
    assert "<title>Good Garments: 100.0 %</title>" in by_factory
    assert "<title>Slow Sewing: 50.0 %</title>" in by_factory
    by_month = kpi_section(body, "on_time_month")
    # 3 of 4 shipped on time last month
    assert f"<title>{LAST_MONTH:%Y-%m}: 75.0 %</title>" in by_month


def test_the_numbers_behind_a_chart_are_exported(client, department_manager, two_factories):
    client.force_login(department_manager)
    rows = csv_of(client.get("/reports/kpis/", {"kpi": "on_time_factory", "export": "csv"}))
    header = rows[0]
    assert header == ["Factory", "Orders shipped", "On time", "On-time %"]
    slow = next(row for row in rows[1:] if row[0] == "Slow Sewing")
    assert slow[1:3] == ["2", "1"]


def test_first_time_pass_rate_counts_each_orders_first_final_inspection(
    client, department_manager, two_factories
):
    client.force_login(department_manager)
    body = kpi_section(client.get("/reports/kpis/").content.decode(), "inspections_factory")
    assert "<title>Slow Sewing: 0.0 %</title>" in body
    assert "<title>Good Garments: 100.0 %</title>" in body


def test_date_changes_by_who_caused_them(client, department_manager, merchandiser):
    order = make_order(merchandiser=merchandiser)
    for responsible, status in ((Party.FACTORY, DateChangeStatus.AGREED),
                                (Party.FACTORY, DateChangeStatus.PROPOSED),
                                (Party.CUSTOMER, DateChangeStatus.AGREED)):  # fmt: skip
        DateChangeRequest.objects.create(
            order=order, kind=DateChangeKind.FACTORY_DELAY, requested_by=responsible,
            current_date=order.ex_factory_date, proposed_date=order.ex_factory_date,
            reason="x", responsible=responsible, status=status, created_by=merchandiser,
        )  # fmt: skip
    client.force_login(department_manager)
    body = kpi_section(client.get("/reports/kpis/").content.decode(), "date_changes")
    assert "<title>Factory: 2</title>" in body and "<title>Customer: 1</title>" in body


def test_the_factory_page_shows_its_scorecard(client, department_manager, two_factories):
    _good, slow, _orders = two_factories
    client.force_login(department_manager)
    body = client.get(f"/suppliers/factories/{slow.pk}/").content.decode()
    card = re.search(r'<section class="card factory-scorecard">(.*?)</section>', body, re.S)[1]
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)", card))
    assert figures["On-time delivery"] == "50.0 %"
    assert figures["First-time pass rate"] == "0.0 %"
    assert figures["Orders shipped"] == "2"


def test_kpis_are_for_managers_and_linked_from_their_navigation(
    client, merchandiser, department_manager
):
    client.force_login(merchandiser)
    assert client.get("/reports/kpis/").status_code == 403
    assert 'href="/reports/kpis/"' not in client.get("/").content.decode()
    client.force_login(department_manager)
    assert 'href="/reports/kpis/"' in client.get("/").content.decode()
    assert client.get("/reports/kpis/", {"kpi": "nope", "export": "csv"}).status_code == 404


def test_an_empty_business_shows_no_figures_yet(client, department_manager):
    client.force_login(department_manager)
    body = client.get("/reports/kpis/").content.decode()
    assert "No figures yet." in body


def test_deductions_per_factory_and_currency(client, department_manager, two_factories):
    from shipping.choices import DeductionSource
    from shipping.models import Deduction

    _good, _slow, orders = two_factories
    Deduction.objects.create(order=orders["slow"][0], source=DeductionSource.choices[0][0],
                             amount=Decimal("120.50"), currency="USD", reason="short",
                             recorded_by=department_manager)  # fmt: skip
    client.force_login(department_manager)
    body = kpi_section(client.get("/reports/kpis/").content.decode(), "deductions_factory")
    assert "Slow Sewing" in body and "120.50" in body


def test_kpis_count_the_last_12_months_unless_another_period_is_chosen(
    client, department_manager, merchandiser, two_factories
):
    good, _slow, _orders = two_factories
    long_ago = date.today() - timedelta(days=2 * 365)
    old = make_order(merchandiser=merchandiser, factory=good, ex_factory_date=long_ago)
    shipped_on(old, long_ago + timedelta(days=30))  # late, two years ago
    client.force_login(department_manager)
    body = client.get("/reports/kpis/").content.decode()
    assert "<title>Good Garments: 100.0 %</title>" in kpi_section(body, "on_time_factory")
    assert f"<title>{long_ago + timedelta(days=30):%Y-%m}" not in kpi_section(body, "on_time_month")
    assert 'href="?period=all"' in body and 'href="?kpi=on_time_factory&amp;period=12m' in body
    body = client.get("/reports/kpis/", {"period": "all"}).content.decode()
    assert "<title>Good Garments: 66.7 %</title>" in kpi_section(body, "on_time_factory")
    assert f"<title>{long_ago + timedelta(days=30):%Y-%m}: 0.0 %</title>" in kpi_section(
        body, "on_time_month"
    )
    rows = csv_of(
        client.get("/reports/kpis/", {"kpi": "on_time_factory", "export": "csv", "period": "all"})
    )
    assert next(row for row in rows[1:] if row[0] == "Good Garments")[1:3] == ["3", "2"]
    body = client.get(f"/suppliers/factories/{good.pk}/", {"period": "all"}).content.decode()
    card = re.search(r'<section class="card factory-scorecard">(.*?)</section>', body, re.S)[1]
    assert dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)", card))["Orders shipped"] == "3"
