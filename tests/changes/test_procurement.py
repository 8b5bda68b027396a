"""R8: a change request may change how much of a trim is bought and from whom, and the cartons of
the packing list; each shows in the diff and the impact (who orders again, the packing list
re-issued) and is written when the change is applied, in the same transaction."""

from decimal import Decimal

import pytest
from django.urls import reverse

from orders.changes.choices import ImpactArea
from orders.changes.registry import ChangeContext, impacts
from orders.choices import Stage
from orders.models import ChangeRequest, SentDocument
from orders.services.common import ActionRefused
from shipping.models import PackingList
from shipping.packing import CartonSpec
from shipping.services.shipment import packing_list_write
from suppliers.choices import SupplierKind
from tests.changes.conftest import at_stage, raise_change, walk_to_applied
from tests.outbox import mark_sent
from tests.suppliers.builders import make_supplier, make_trim

pytestmark = pytest.mark.django_db

CARTONS = CartonSpec(20, Decimal("0.25"), Decimal("1.2"), Decimal(60), Decimal(40), Decimal(30))


def impact_texts(change, area) -> list[tuple[str, str]]:
    context = ChangeContext(change.order, change, change.diff(), extra=change.proposed["extra"])
    return [(str(i.text), str(i.who)) for i in impacts(context) if i.area == area]


@pytest.fixture
def suppliers(db):
    return (
        make_supplier(SupplierKind.TRIM_SUPPLIER, name="Avery HK"),
        make_supplier(SupplierKind.TRIM_SUPPLIER, name="YKK Shenzhen"),
    )


@pytest.fixture
def trim(order, suppliers):
    first, _second = suppliers
    return make_trim(
        order,
        description="Hang tag",
        supplier=first,
        contact=first.contacts.first(),
        quantity=Decimal("1000"),
        unit="pcs",
    )


def test_r8_trim_quantity_and_supplier_change_through_the_request(
    order, merchandiser, department_manager, clerk, suppliers, trim
):
    _first, second = suppliers
    change = raise_change(
        order,
        merchandiser,
        extra={
            f"suppliers.trim.{trim.pk}.quantity": "1200",
            f"suppliers.trim.{trim.pk}.supplier": str(second.pk),
        },
    )
    shown = {c.key: (c.before, c.after) for c in change.diff().fields}
    assert shown[f"suppliers.trim.{trim.pk}.quantity"] == ("1000", "1200")
    assert shown[f"suppliers.trim.{trim.pk}.supplier"] == ("Avery HK", "YKK Shenzhen")
    materials = impact_texts(change, ImpactArea.MATERIALS)
    assert ("Trim Hang tag: buy 1000 → 1200 pcs.", "Merchandiser (procurement)") in materials
    assert any("bought from YKK Shenzhen instead of Avery HK" in text for text, _ in materials)

    walk_to_applied(change, merchandiser, department_manager, clerk)
    trim.refresh_from_db()
    assert trim.quantity == Decimal("1200") and trim.supplier == second
    assert trim.contact.supplier == second  # the contact follows the supplier


def test_r8_a_trim_quantity_that_is_no_number_is_refused_on_raising(order, merchandiser, trim):
    with pytest.raises(ActionRefused, match="trim quantity must be a number"):
        raise_change(order, merchandiser, extra={f"suppliers.trim.{trim.pk}.quantity": "lots"})
    with pytest.raises(ActionRefused, match="choose one of the list"):
        raise_change(order, merchandiser, extra={f"suppliers.trim.{trim.pk}.supplier": "99999"})
    assert not ChangeRequest.objects.exists()


def test_r8_trim_procurement_is_no_style_change_and_needs_no_amendment_in_production(
    order, merchandiser, trim
):
    order = at_stage(order, Stage.IN_PRODUCTION)
    change = raise_change(order, merchandiser, extra={f"suppliers.trim.{trim.pk}.quantity": "900"})
    assert not change.is_amendment and impact_texts(change, ImpactArea.SAMPLES) == []


def test_r8_new_cartons_redraw_and_reissue_the_packing_list(
    order, merchandiser, department_manager, clerk
):
    from orders.documents.services import document_send
    from orders.models import CustomerContact
    from shipping.models import ShippingMarks

    CustomerContact.objects.create(customer=order.customer, name="Ms Lee", email="lee@nw.example")

    packing_list = packing_list_write(order, CARTONS, merchandiser)
    assert packing_list.totals()["cartons"] == 25  # 500 pieces, 20 a carton
    ShippingMarks.objects.create(
        order=order,
        main_marks="NW",
        recorded_by=merchandiser,
        confirmed_by_customer="Ms Lee",
        confirmed_on=order.order_date,
    )
    first = document_send(spec_code="SHP-PL", obj=packing_list, user=merchandiser)
    mark_sent(first.outbox_id)

    change = raise_change(
        order,
        merchandiser,
        extra={
            "shipping.packing.pieces_per_carton": "10",
            "shipping.packing.carton_size": "50 x 40 x 30",
        },
    )
    (text, who) = impact_texts(change, ImpactArea.INSPECTION)[0]
    assert "25 → 50 cartons" in text and who == "Merchandiser, warehouse"

    walk_to_applied(change, merchandiser, department_manager, clerk)
    redrawn = PackingList.objects.get(order=order)
    assert redrawn.pk == packing_list.pk
    assert redrawn.carton_spec() == CartonSpec(
        10, Decimal("0.25"), Decimal("1.2"), Decimal(50), Decimal(40), Decimal(30)
    )
    assert redrawn.totals()["cartons"] == 50
    versions = SentDocument.objects.filter(form_code="SHP-PL").order_by("version")
    assert [(d.version, d.order_revision) for d in versions] == [(1, 1), (2, 2)]


def test_r8_bad_cartons_are_refused_on_raising(order, merchandiser):
    packing_list_write(order, CARTONS, merchandiser)
    with pytest.raises(ActionRefused, match="length × width × height"):
        raise_change(order, merchandiser, extra={"shipping.packing.carton_size": "big"})
    with pytest.raises(ActionRefused, match="at least one piece"):
        raise_change(order, merchandiser, extra={"shipping.packing.pieces_per_carton": "0"})


def test_r14_new_cartons_in_production_need_an_amendment(order, merchandiser):
    packing_list_write(order, CARTONS, merchandiser)
    order = at_stage(order, Stage.IN_PRODUCTION)
    with pytest.raises(ActionRefused, match="amendment"):
        raise_change(order, merchandiser, extra={"shipping.packing.pieces_per_carton": "10"})


def test_the_form_offers_trim_suppliers_as_a_list(client, order, merchandiser, trim, suppliers):
    client.force_login(merchandiser)
    page = client.get(reverse("orders:change_raise", args=[order.pk])).content.decode()
    assert f'name="x_suppliers.trim.{trim.pk}.supplier"' in page
    assert f'<option value="{suppliers[1].pk}">YKK Shenzhen</option>' in page


def test_r8_a_failed_application_leaves_trims_and_cartons_as_they_were(
    order, merchandiser, department_manager, clerk, trim
):
    from orders.changes.apply import change_request_apply
    from orders.changes.registry import register_change_contributor, unregister_change_contributor
    from tests.changes.conftest import sign, walk_to_confirmed

    packing_list_write(order, CARTONS, merchandiser)
    change = raise_change(
        order,
        merchandiser,
        lines={"Navy": {"sizes": {"S": 200, "M": 200}}},
        extra={
            f"suppliers.trim.{trim.pk}.quantity": "1500",
            "shipping.packing.pieces_per_carton": "10",
        },
    )
    walk_to_confirmed(change, merchandiser)
    sign(change, department_manager, clerk)

    def fail(context):  # after every app wrote its part
        raise ActionRefused("the warehouse's ledger is closed")

    register_change_contributor(code="failing", apply=fail, order=999)
    try:
        with pytest.raises(ActionRefused, match="ledger"):
            change_request_apply(change_id=change.pk, user=merchandiser)
    finally:
        unregister_change_contributor("failing")
    trim.refresh_from_db()
    packing_list = PackingList.objects.get(order=order)
    assert trim.quantity == Decimal("1000")
    assert packing_list.carton_spec() == CARTONS and packing_list.totals()["pieces"] == 500


def test_r8_the_factory_notice_shows_new_cartons_and_trim_quantities(order, merchandiser, trim):
    from orders.changes.notice import notice_context

    packing_list_write(order, CARTONS, merchandiser)
    change = raise_change(
        order,
        merchandiser,
        extra={
            f"suppliers.trim.{trim.pk}.quantity": "1200",
            "shipping.packing.pieces_per_carton": "10",
        },
    )
    shown = {(str(c.label), c.before, c.after) for c in notice_context(change)["fields"]}
    assert ("pieces per carton", "20", "10") in shown
    assert ("Trim Hang tag: quantity to buy", "1000", "1200") in shown
