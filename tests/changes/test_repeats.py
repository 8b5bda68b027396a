"""R28 repeat orders (翻單): made as before from a shipped order, linked to it, with its trims
and shipping marks; the customer confirms the artwork and marks again before production; the
approved master file waives the PP round only while the style data is unchanged."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from orders.choices import Stage
from orders.gates import gate_statuses
from orders.models import Order, RepeatOrder
from orders.repeats.services import order_repeat, repeat_artwork_confirm
from orders.services.common import ActionRefused
from samples import rules as sample_rules
from tests.changes.conftest import at_stage
from tests.factories import make_master_file

pytestmark = pytest.mark.django_db


def repeat(order, user, *, copy_quantities=False, po="NW-REPEAT-1") -> Order:
    return order_repeat(
        order_id=order.pk,
        user=user,
        po_number=po,
        order_date=date.today(),
        customer_date=date.today() + timedelta(days=90),
        ex_factory_date=date.today() + timedelta(days=75),
        copy_quantities=copy_quantities,
    )


@pytest.fixture
def shipped(order):
    order.fabric = "Cotton pique 220 g/m²"
    order.packing = "1 pc / polybag, 24 pcs / carton"
    order.save()
    return at_stage(order, Stage.SHIPPING)


def gate(order, code):
    return next(s for s in gate_statuses(order, "start_production") if s.gate.code == code)


def test_r28_repeat_is_made_as_before_and_linked(shipped, merchandiser):
    new = repeat(shipped, merchandiser)
    assert new.stage == Stage.RECEIVED and new.po_number == "NW-REPEAT-1"
    assert (new.style_no, new.fabric, new.packing, new.factory_id, new.payment_terms) == (
        shipped.style_no,
        shipped.fabric,
        shipped.packing,
        shipped.factory_id,
        shipped.payment_terms,
    )
    # Quantities left blank for the customer's new figures; colours and prices as before.
    assert [(li.colour, li.quantity, li.unit_price) for li in new.lines.all()] == [
        (li.colour, 0, li.unit_price) for li in shipped.lines.all()
    ]
    link = RepeatOrder.objects.get(order=new)
    assert link.original == shipped and link.original_revision == shipped.revision
    assert shipped.events.filter(action="order_repeated").exists()
    assert new.events.filter(action="repeat_created").exists()


def test_r28_quantities_copied_when_asked(shipped, merchandiser):
    new = repeat(shipped, merchandiser, copy_quantities=True)
    assert new.total_quantity == shipped.total_quantity == 500
    assert new.lines.get(colour="Navy").size_breakdown == {"S": 100, "M": 200}


def test_r28_an_order_not_yet_shipped_is_not_repeated(order, merchandiser):
    with pytest.raises(ActionRefused, match="once it has shipped"):
        repeat(order, merchandiser)
    assert Order.objects.count() == 1


def test_r28_trims_and_marks_are_copied_but_the_marks_need_confirming(shipped, merchandiser):
    from shipping.models import ShippingMarks
    from suppliers.models import Trim

    Trim.objects.create(
        order=shipped, description="Main label", source="factory", procurement_status="in_house"
    )
    ShippingMarks.objects.create(
        order=shipped,
        main_marks="NORTHWIND / PO / C/NO.",
        recorded_by=merchandiser,
        confirmed_on=date.today(),
        confirmed_by_customer="Ms Lee",
    )
    new = repeat(shipped, merchandiser)
    trim = new.trims.get()
    assert trim.description == "Main label" and trim.procurement_status == "not_ordered"
    marks = ShippingMarks.objects.get(order=new)
    assert marks.main_marks == "NORTHWIND / PO / C/NO." and not marks.confirmed


def test_r28_the_packing_list_is_drawn_up_with_the_originals_cartons(shipped, merchandiser):
    from shipping.models import PackingList
    from shipping.packing import CartonSpec
    from shipping.services.shipment import packing_list_write

    cartons = CartonSpec(24, Decimal("0.25"), Decimal("1.2"), Decimal(60), Decimal(40), Decimal(30))
    packing_list_write(shipped, cartons, merchandiser)

    with_figures = repeat(shipped, merchandiser, copy_quantities=True)
    copied = PackingList.objects.get(order=with_figures)
    assert copied.carton_spec() == cartons
    assert copied.totals() == PackingList.objects.get(order=shipped).totals()
    # Quantities left blank: the cartons are kept, the rows wait for the customer's figures.
    blank = repeat(shipped, merchandiser, po="NW-REPEAT-2")
    laid_out = PackingList.objects.get(order=blank)
    assert laid_out.carton_spec() == cartons and not laid_out.rows.exists()


def test_r28_an_original_without_a_packing_list_gives_none(shipped, merchandiser):
    new = repeat(shipped, merchandiser)
    assert not hasattr(new, "packing_list")


def test_r28_production_waits_for_the_customers_artwork_confirmation(shipped, merchandiser):
    new = repeat(shipped, merchandiser)
    assert not gate(new, "repeat_artwork").met
    assert "repeat_artwork" not in [s.gate.code for s in gate_statuses(shipped, "start_production")]
    with pytest.raises(ActionRefused, match="who confirmed"):
        repeat_artwork_confirm(
            order_id=new.pk, user=merchandiser, confirmed_by=" ", confirmed_on=date.today()
        )
    repeat_artwork_confirm(
        order_id=new.pk,
        user=merchandiser,
        confirmed_by="Ms Lee",
        confirmed_on=date.today(),
        reference="NW-MAIL-31",
    )
    assert gate(new, "repeat_artwork").met
    assert new.events.filter(action="repeat_artwork_confirmed").exists()


def test_r28_master_file_waives_the_pp_round_only_while_the_style_is_unchanged(
    shipped, merchandiser, department_manager
):
    make_master_file(shipped, approved_by=department_manager)
    same = repeat(shipped, merchandiser, po="NW-REPEAT-1")
    assert not sample_rules.pp_sample_gate_applies(same)

    changed = repeat(shipped, merchandiser, po="NW-REPEAT-2")
    Order.objects.filter(pk=changed.pk).update(fabric="Cotton pique 240 g/m²")
    assert sample_rules.pp_sample_gate_applies(Order.objects.get(pk=changed.pk))


def test_r28_pages_repeat_and_confirm(client, shipped, merchandiser):
    client.force_login(merchandiser)
    page = client.get(shipped.get_absolute_url()).content.decode()
    assert reverse("orders:repeat", args=[shipped.pk]) in page
    response = client.post(
        reverse("orders:repeat", args=[shipped.pk]),
        {
            "po_number": "NW-REPEAT-9",
            "order_date": date.today().isoformat(),
            "customer_date": (date.today() + timedelta(days=90)).isoformat(),
            "ex_factory_date": (date.today() + timedelta(days=75)).isoformat(),
            "copy_quantities": "1",
        },
    )
    new = Order.objects.get(po_number="NW-REPEAT-9")
    assert response.url == new.get_absolute_url()
    page = client.get(new.get_absolute_url()).content.decode()
    assert shipped.get_absolute_url() in page and 'id="artwork-form"' in page
    client.post(
        reverse("orders:repeat_artwork", args=[new.pk]),
        {"confirmed_by": "Ms Lee", "confirmed_on": date.today().isoformat(), "reference": ""},
    )
    assert RepeatOrder.objects.get(order=new).artwork_confirmed


def test_r28_the_same_po_twice_is_refused_on_the_form(client, shipped, merchandiser):
    client.force_login(merchandiser)
    data = {
        "po_number": shipped.po_number,
        "order_date": date.today().isoformat(),
        "customer_date": (date.today() + timedelta(days=90)).isoformat(),
        "ex_factory_date": (date.today() + timedelta(days=75)).isoformat(),
        "copy_quantities": "0",
    }
    response = client.post(reverse("orders:repeat", args=[shipped.pk]), data)
    assert response.status_code == 200
    assert Order.objects.count() == 1


def test_r28_the_section_shows_only_where_it_concerns_the_order(client, order, merchandiser):
    client.force_login(merchandiser)
    assert 'id="section-repeats"' not in client.get(order.get_absolute_url()).content.decode()
    shipped = at_stage(order, Stage.SHIPPING)
    assert 'id="section-repeats"' in client.get(shipped.get_absolute_url()).content.decode()
