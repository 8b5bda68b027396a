"""What a user would do to meet each materials gate, done through the services.

Registered as the gates' walks (orders.demo.contributors) so that seed_demo and the tests can
walk an order into production without knowing this app. They act as the order's merchandiser,
and sign as the group head (or a department manager)."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from orders.choices import Stage
from orders.demo.contributors import register_demo_step, register_gate_walk
from orders.models import Order
from orders.roles import Role
from suppliers import rules, services
from suppliers.choices import (
    Decision,
    LabResult,
    ProcurementStatus,
    SupplierKind,
    TrimCardStatus,
    TrimSource,
)
from suppliers.models import Supplier, SupplierContact


def _order(order) -> Order:
    return Order.objects.select_related("team__head", "merchandiser", "customer").get(pk=order.pk)


def _signer(order: Order):
    if order.team.head is not None and order.team.head.is_active:
        return order.team.head
    users = get_user_model().objects.filter(is_active=True)
    return (
        users.filter(groups__name=Role.DEPARTMENT_MANAGER).order_by("pk").first()
        or users.filter(is_superuser=True).order_by("pk").first()
    )


def _supplier(kind: str, name: str, **fields) -> Supplier:
    supplier, _created = Supplier.objects.get_or_create(kind=kind, name=name, defaults=fields)
    if not supplier.contacts.exists():
        SupplierContact.objects.create(supplier=supplier, name="Demo contact")
    return supplier


def _ensure_booking(order: Order) -> None:
    if order.fabric_bookings.exists():
        return
    mill = _supplier(SupplierKind.FABRIC_MILL, "Demo Weaving Co.", email="mill@example.com")
    services.fabric_booking_create(
        order_id=order.pk,
        user=order.merchandiser,
        supplier=mill,
        contact=mill.contacts.first(),
        fabric_name="Cotton poplin",
        construction="40x40 / 133x72",
        width='57/58"',
        composition="100% cotton",
        price=Decimal("2.80"),
        consumption=Decimal("1.6"),
        delivery_date=order.ex_factory_date - timedelta(days=30),
        colour_standard="Pantone 19-4052",
    )


def satisfy_fabric_booking(order) -> None:
    order = _order(order)
    _ensure_booking(order)
    signer = _signer(order)
    for booking in order.fabric_bookings.filter(signed_at__isnull=True):
        services.fabric_booking_sign(booking_id=booking.pk, user=signer)


def satisfy_colour_standards(order) -> None:
    order = _order(order)
    today = timezone.localdate()
    for colour in rules.colourways(order):
        if rules.colourway_approved(order, colour):
            continue
        dip = rules.lab_dip_of(order, colour)
        latest = dip.latest() if dip else None
        if latest is None or latest.decision != Decision.PENDING:
            latest = services.lab_dip_submit(
                order_id=order.pk, user=order.merchandiser, colourway=colour, submitted_on=today
            )
        services.lab_dip_decide(
            submission_id=latest.pk, user=order.merchandiser, decision=Decision.APPROVED
        )


def satisfy_bulk_fabric(order) -> None:
    order = _order(order)
    _ensure_booking(order)
    today = timezone.localdate()
    for booking in order.fabric_bookings.all():
        if rules.bulk_fabric_approved_for(booking):
            continue
        latest = booking.latest_bulk()
        if latest is None or latest.decision != Decision.PENDING:
            latest = services.bulk_fabric_submit(
                booking_id=booking.pk,
                user=order.merchandiser,
                submitted_on=today,
                with_wash_standard=bool(booking.wash_standard),
            )
        services.bulk_fabric_decide(
            submission_id=latest.pk, user=order.merchandiser, decision=Decision.APPROVED
        )


def satisfy_lab_tests(order) -> None:
    order = _order(order)
    lab = _supplier(SupplierKind.TEST_LAB, "Demo Testing Lab", approved=True)
    today = timezone.localdate()
    for booking in order.fabric_bookings.filter(tests_required=True):
        if rules.latest_test_result(booking) == LabResult.PASSED:
            continue
        test = services.lab_test_send(
            booking_id=booking.pk,
            user=order.merchandiser,
            lab_id=lab.pk,
            sent_on=today,
            items=[{"name": "Colour fastness to washing", "requirement": "4"}],
        )
        services.lab_test_record_results(
            test_id=test.pk,
            user=order.merchandiser,
            results={item.pk: ("4-5", True) for item in test.items.all()},
            reported_on=today,
        )


def satisfy_trim_card(order) -> None:
    order = _order(order)
    user = order.merchandiser
    today = timezone.localdate()
    if not order.trims.exists():
        services.trim_create(
            order_id=order.pk,
            user=user,
            description="Main label",
            source=TrimSource.FACTORY,
            trim_sample="Woven main label, black",
            order_date=today,
            in_house_date=today,
        )
    for trim in rules.trims_on_card(order):
        if not trim.is_in_house:
            services.procurement_update(
                material="trim",
                material_id=trim.pk,
                user=user,
                status=ProcurementStatus.IN_HOUSE,
                on=today,
            )
    if rules.trim_card_approved(order):
        return
    card = rules.latest_trim_card(order)
    if card is None or card.status != TrimCardStatus.SUBMITTED:
        card = services.trim_card_receive(order_id=order.pk, user=user, received_on=today)
    services.trim_card_approve(card_id=card.pk, user=user)


# ---- seed_demo's materials: what is still open on orders not yet in production ------------------


def _trims_in(order, user, today) -> None:
    for description, sample in (
        ("Main label", "Woven main label, black, 5 x 2 cm"),
        ("Care label", "Printed satin care label, 3 languages"),
        ("Hang tag", "FSC card hang tag with string"),
    ):
        services.trim_create(
            order_id=order.pk,
            user=user,
            description=description,
            source=TrimSource.FACTORY,
            trim_sample=sample,
            order_date=today - timedelta(days=20),
            in_house_date=today - timedelta(days=6),
        )
    for trim in rules.trims_on_card(order):
        services.procurement_update(
            material="trim", material_id=trim.pk, user=user, status=ProcurementStatus.IN_HOUSE,
            on=today - timedelta(days=6),
        )  # fmt: skip


def suppliers_demo(demo) -> None:
    if demo.stage != Stage.APPROVED or demo.nth > 3:
        return
    order = _order(demo.order)
    user, today = order.merchandiser, demo.today
    if demo.nth in (0, 3):
        # R1: the trim card is in and waits for the merchandiser's check; the fourth order's
        # card came in a week ago, so its three working days are up.
        satisfy_fabric_booking(order)
        satisfy_colour_standards(order)
        _trims_in(order, user, today)
        services.trim_card_receive(
            order_id=order.pk,
            user=user,
            received_on=today - timedelta(days=1 if demo.nth == 0 else 7),
        )
    elif demo.nth == 1:
        # R3: the customer wants bulk fabric tests; the shrinkage test failed.
        _ensure_booking(order)
        booking = order.fabric_bookings.first()
        services.fabric_booking_update(
            booking_id=booking.pk, user=user, tests_required=True,
            test_requirements="Dimensional stability ISO 6330 ±3%; colour fastness 4",
        )  # fmt: skip
        services.fabric_booking_sign(booking_id=booking.pk, user=_signer(order))
        lab = _supplier(SupplierKind.TEST_LAB, "Demo Testing Lab", approved=True)
        test = services.lab_test_send(
            booking_id=booking.pk,
            user=user,
            lab_id=lab.pk,
            sent_on=today - timedelta(days=6),
            items=[
                {"name": "Dimensional stability to washing", "requirement": "±3%"},
                {"name": "Colour fastness to washing", "requirement": "4"},
            ],
        )
        results = {
            item.pk: ("-5.5%", False) if "stability" in item.name else ("4-5", True)
            for item in test.items.all()
        }
        services.lab_test_record_results(
            test_id=test.pk, user=user, results=results, reported_on=today - timedelta(days=1),
            report_no="SGS-HK-27-0412",
        )  # fmt: skip
    elif demo.nth == 2:
        # R2: the fabric booking waits for the group head's signature before it may go out.
        _ensure_booking(order)


register_demo_step("suppliers", suppliers_demo)
for _code, _walk in {
    "fabric_booking_signed": satisfy_fabric_booking,
    "colour_standards_approved": satisfy_colour_standards,
    "bulk_fabric_approved": satisfy_bulk_fabric,
    "lab_tests_passed": satisfy_lab_tests,
    "trim_card_approved": satisfy_trim_card,
}.items():
    register_gate_walk("start_production", _code, _walk)
