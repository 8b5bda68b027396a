"""Trims by source (seed 000 §5.6.2), season-wide approvals and the trim card (R1)."""

from datetime import date, timedelta

import pytest
from django.core import mail

from orders.services.common import ActionRefused
from suppliers import rules, services
from suppliers.choices import ProcurementStatus, SupplierKind, TrimCardStatus, TrimSource
from suppliers.models import Holiday, Trim
from tests.factories import make_order
from tests.suppliers.builders import make_supplier, make_trim

pytestmark = pytest.mark.django_db

FRIDAY = date(2026, 1, 9)


@pytest.mark.parametrize(
    ("source", "missing"),
    [
        (TrimSource.FACTORY, ["trim sample", "order date", "in-house date due"]),
        (
            TrimSource.CUSTOMER_NOMINATED,
            ["customer's trim sample", "supplier", "contact", "colour standard", "unit price"],
        ),
        (TrimSource.CUSTOMER_SUPPLIED, ["trim sample", "in-house date due"]),
    ],
)
def test_each_source_names_its_missing_fields(order, merchandiser, source, missing):
    with pytest.raises(ActionRefused) as refused:
        services.trim_create(
            order_id=order.pk, user=merchandiser, description="Button", source=source
        )
    for label in missing:
        assert label in refused.value.details
    assert not Trim.objects.exists()


def test_customer_nominated_trim_with_every_field(order, merchandiser):
    supplier = make_supplier(SupplierKind.TRIM_SUPPLIER)
    trim = services.trim_create(
        order_id=order.pk,
        user=merchandiser,
        description="YKK zip",
        source=TrimSource.CUSTOMER_NOMINATED,
        customer_trim_sample="Customer zip #5",
        supplier=supplier,
        contact=supplier.contacts.first(),
        order_date=date.today(),
        in_house_date=date.today() + timedelta(days=20),
        colour_standard="Navy 560",
        size_standard="#5, 18cm",
        unit_price="0.35",
    )
    assert trim.missing_fields() == []


def test_customer_supplied_trim_needs_only_sample_and_in_house_date(order, merchandiser):
    make_trim(
        order,
        source=TrimSource.CUSTOMER_SUPPLIED,
        trim_sample="Hang tag",
        in_house_date=date.today(),
    )
    assert order.trims.count() == 1


def in_house(trim, user):
    services.procurement_update(
        material="trim",
        material_id=trim.pk,
        user=user,
        status=ProcurementStatus.IN_HOUSE,
        on=date.today(),
    )


def test_r1_trim_card_refused_before_all_bulk_trims_are_in(order, merchandiser):
    first, second = make_trim(order), make_trim(order)
    in_house(first, merchandiser)
    with pytest.raises(ActionRefused) as refused:
        services.trim_card_receive(order_id=order.pk, user=merchandiser, received_on=FRIDAY)
    assert second.description in refused.value.details
    in_house(second, merchandiser)
    card = services.trim_card_receive(order_id=order.pk, user=merchandiser, received_on=FRIDAY)
    assert card.review_deadline == date(2026, 1, 14)  # Mon, Tue, Wed: the weekend does not count


def test_r1_trim_card_in_duplicate(order, merchandiser):
    in_house(make_trim(order), merchandiser)
    with pytest.raises(ActionRefused):
        services.trim_card_receive(order_id=order.pk, user=merchandiser, copies=1)


def test_r1_deadline_skips_a_configured_holiday(order, merchandiser):
    Holiday.objects.create(date=date(2026, 1, 12), name="Holiday")
    in_house(make_trim(order), merchandiser)
    card = services.trim_card_receive(order_id=order.pk, user=merchandiser, received_on=FRIDAY)
    assert card.review_deadline == date(2026, 1, 15)


def test_r1_errors_go_back_to_the_factory_then_a_correct_card_is_signed(
    order, merchandiser, django_capture_on_commit_callbacks
):
    in_house(make_trim(order), merchandiser)
    card = services.trim_card_receive(order_id=order.pk, user=merchandiser)
    with pytest.raises(ActionRefused):
        services.trim_card_return(card_id=card.pk, user=merchandiser, errors="")
    with django_capture_on_commit_callbacks(execute=True):
        services.trim_card_return(card_id=card.pk, user=merchandiser, errors="Wrong label colour")
    assert [m.to for m in mail.outbox] == [[order.factory.email]]
    assert "Wrong label colour" in mail.outbox[0].body
    assert not rules.trim_card_approved(order)
    second = services.trim_card_receive(order_id=order.pk, user=merchandiser)
    assert second.round == 2
    second = services.trim_card_approve(card_id=second.pk, user=merchandiser)
    assert second.status == TrimCardStatus.APPROVED
    assert second.qc_copy_at and second.filed_at and second.reviewed_by == merchandiser
    assert order.events.filter(action="trim_card_approved").exists()
    assert order.events.filter(action="trim_card_returned").exists()
    assert rules.trim_card_approved(order)


def test_r1_season_wide_trim_counts_for_every_order_of_the_season(order, merchandiser):
    order.season = "SS26"
    order.save()
    season_trim = services.season_trim_approve(
        customer_id=order.customer_id, season="SS26", description="Brand label", user=merchandiser
    )
    trim = make_trim(order, description="Brand label")
    services.trim_apply_season_approval(
        trim_id=trim.pk, user=merchandiser, season_trim_id=season_trim.pk
    )
    assert rules.trims_on_card(order) == []
    assert rules.trim_card_approved(order)
    other = make_order(merchandiser=merchandiser, customer=order.customer, season="SS26")
    other_trim = make_trim(other, description="Brand label")
    services.trim_apply_season_approval(
        trim_id=other_trim.pk, user=merchandiser, season_trim_id=season_trim.pk
    )
    assert rules.trim_card_approved(other)


def test_r1_season_trim_refused_for_another_season(order, merchandiser):
    order.season = "FW26"
    order.save()
    season_trim = services.season_trim_approve(
        customer_id=order.customer_id, season="SS26", description="Brand label", user=merchandiser
    )
    trim = make_trim(order)
    with pytest.raises(ActionRefused):
        services.trim_apply_season_approval(
            trim_id=trim.pk, user=merchandiser, season_trim_id=season_trim.pk
        )
