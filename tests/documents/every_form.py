"""One ready object for every registered form, walked through the services the way the office
works: the content tests print each of them in the three languages."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from complaints.choices import SignOffStep
from complaints.services import (
    complaint_approve,
    return_approve,
    return_note_issue,
    return_receive,
    return_sign_off,
)
from orders.choices import Language, Stage
from orders.models import CustomerContact, Order
from orders.roles import Role
from samples.choices import LetterLayout
from samples.services import (
    comment_letter_create,
    comment_letter_sign,
    sample_check_record,
    sample_decide,
)
from shipping.choices import DefectClass, FailureDecision, InspectionKind, InspectorParty
from shipping.services import (
    failure_decide,
    guarantee_letter_create,
    inspection_book,
    inspection_report_record,
    packing_list_generate,
    shipping_marks_confirm,
    shipping_marks_save,
)
from shipping.services.dispatch import dispatch_create, walk_to_shipped
from suppliers.services import fabric_booking_sign
from tests.complaints.builders import apply_return, file_complaint, make_warehouse_head
from tests.factories import fresh, make_customer, make_factory, make_order, make_sample, make_user
from tests.shipping.conftest import issue_invoice
from tests.suppliers.builders import make_booking, make_trim

FACTORY = "東莞華聯針織服裝廠"
CUSTOMER = "Northwind Apparel Inc."
DEFECT = "Open seam at side seam"


@dataclass
class EveryForm:
    order: Order
    objects: dict = field(default_factory=dict)  # form code -> printed object
    people: dict = field(default_factory=dict)


def _stage(order, stage):
    Order.objects.filter(pk=order.pk).update(stage=stage)
    return fresh(order)


def build(team) -> EveryForm:
    people = {
        "merchandiser": make_user(
            Role.MERCHANDISER, team=team, first_name="Mandy", last_name="Lau"
        ),
        "manager": make_user(Role.DEPARTMENT_MANAGER, team=team, first_name="Ken", last_name="Ho"),
        "qc": make_user(Role.QC, first_name="Wing", last_name="Yip"),
        "administration": make_user(Role.ADMINISTRATION),
        "finance": make_user(Role.FINANCE),
        "warehouse": make_user(Role.WAREHOUSE),
        "warehouse_head": make_warehouse_head(),
    }
    team.head = people["manager"]
    team.save()
    customer = make_customer(name=CUSTOMER, language=Language.ENGLISH, country="USA")
    CustomerContact.objects.create(
        customer=customer, name="Ms Ward", email="ward@northwind.example"
    )
    factory = make_factory(name=FACTORY, language=Language.SIMPLIFIED_CHINESE, address="东莞市")
    order = make_order(
        merchandiser=people["merchandiser"],
        customer=customer,
        factory=factory,
        po_number="NWA-7788",
        style_no="CK-2201",
        description="Ladies cable knit crew sweater",
        lines=[
            {
                "colour": "Sky Blue",
                "size_breakdown": {"S": 300, "M": 400, "L": 300},
                "quantity": 1000,
                "unit_price": Decimal("8.50"),
            }
        ],
    )
    every = EveryForm(order=order, people=people)
    _intake(every, order)
    order = _stage(order, Stage.APPROVED)
    every.objects["F-ORD-001"] = order
    _materials(every, order)
    _samples(every, order)
    _inspections(every, _stage(order, Stage.INSPECTION))
    _shipment(every, _stage(order, Stage.SHIPPING))
    _complaints(every, fresh(order))
    every.order = fresh(order)
    every.objects["F-PROG-001"] = every.order
    every.objects["F-CFB-001"] = every.order
    return every


def _intake(every: EveryForm, order) -> None:
    """R13: PMC replied the delivery date; R29: the ORDER CONFIRMATION prints the allocation."""
    from orders.intake.services import pmc_reply_ask, pmc_reply_give

    reply = pmc_reply_ask(order_id=order.pk, user=every.people["merchandiser"])
    pmc_reply_give(
        reply_id=reply.pk,
        user=make_user(Role.PMC),
        delivery_date=order.ex_factory_date,
        capacity_confirmed=True,
    )
    every.objects["F-ORD-002"] = order
    every.objects["F-ORD-003"] = order


def _materials(every: EveryForm, order) -> None:
    make_trim(order, description="Woven main label")
    every.objects["F-TRIM-001"] = order
    booking = make_booking(order, fabric_name="Cotton cable knit")
    fabric_booking_sign(booking_id=booking.pk, user=every.people["manager"])
    booking.refresh_from_db()
    every.objects["F-FAB-001"] = booking


def _samples(every: EveryForm, order) -> None:
    merchandiser, manager = every.people["merchandiser"], every.people["manager"]
    for layout, kind in ((LetterLayout.HOUSE, "proto"), (LetterLayout.CUSTOMER, "fit")):
        sample = make_sample(order, user=merchandiser, sample_type=kind)
        sample_check_record(
            sample_id=sample.pk,
            user=merchandiser,
            measurements=[
                {
                    "point_of_measure": "Chest 1/2",
                    "size": "M",
                    "spec": Decimal("50"),
                    "tolerance": Decimal("1"),
                    "actual": Decimal("52.5"),
                },
            ],  # fmt: skip
            discrepancies=[
                {"area": "wash", "description": "Shade too dark", "severity": "may_produce"}
            ],
        )
        letter = comment_letter_create(sample_id=sample.pk, user=merchandiser, layout=layout)
        comment_letter_sign(letter=letter, user=manager)
        letter.refresh_from_db()
        every.objects[layout.value] = letter
    approved = make_sample(order, user=merchandiser, sample_type="pp")
    sample_decide(sample_id=approved.pk, user=manager, approved=True, comment="OK")
    approved.refresh_from_db()
    every.objects["TAG-APPROVAL"] = approved


def _report(every, order, kind, **found):
    qc = every.people["qc"]
    booking = inspection_book(
        order_id=order.pk,
        user=qc,
        kind=kind,
        party=InspectorParty.OWN_QC,
        planned_date=date.today(),
        inspector_name="Wing Yip",
    )
    return inspection_report_record(
        booking_id=booking.pk,
        user=qc,
        inspected_on=date.today(),
        quantity_presented=1000,
        cartons_opened=8,
        defects_found={"critical": 0, "major": found.get("major", 0), "minor": 0},
        defects=[{"defect_class": DefectClass.MAJOR, "description": DEFECT, "quantity": 9}]
        if found.get("major")
        else [],
        packing_notes="Cartons 5-ply as instructed",
    )


def _inspections(every: EveryForm, order) -> None:
    failed = _report(every, order, InspectionKind.INLINE, major=9)
    failure_decide(
        report_id=failed.pk,
        user=every.people["manager"],
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    every.objects["F-PMER-003"] = guarantee_letter_create(
        report_id=failed.pk, user=every.people["merchandiser"], factory_responsible="陈厂长"
    )
    passed = _report(every, order, InspectionKind.FINAL)
    every.objects["F-PMER-002"] = passed.certificate


def _shipment(every: EveryForm, order) -> None:
    merchandiser = every.people["merchandiser"]
    shipping_marks_save(order_id=order.pk, user=merchandiser, main_marks="NORTHWIND\nC/NO. 1-UP")
    shipping_marks_confirm(
        order_id=order.pk, user=merchandiser, confirmed_on=date.today(), confirmed_by="Ms Ward"
    )
    every.objects["SHP-PL"] = packing_list_generate(
        order_id=order.pk,
        user=merchandiser,
        pieces_per_carton=25,
        net_weight_per_piece_kg=Decimal("0.40"),
        carton_weight_kg=Decimal("1.2"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("35"),
    )
    every.objects["SHP-CI"] = issue_invoice(order, "CI-NWA-7788")
    line = order.lines.get()
    dispatch = dispatch_create(
        order_id=order.pk,
        user=merchandiser,
        lines=[{"order_line_id": line.pk, "quantity": 1000, "cartons": 40}],
    )
    walk_to_shipped(dispatch, user=every.people["administration"])
    dispatch.refresh_from_db()
    if not dispatch.waybill:
        type(dispatch).objects.filter(pk=dispatch.pk).update(waybill="SF1234567890")
        dispatch.refresh_from_db()
    every.objects["SHP-DN"] = dispatch


def _complaints(every: EveryForm, order) -> None:
    people = every.people
    complaint = file_complaint(order, description="Loose threads on 40 pcs")
    complaint_approve(complaint_id=complaint.pk, user=people["manager"])
    complaint.refresh_from_db()
    every.objects["F-CMP-001"] = complaint
    application = apply_return(order)
    return_approve(application_id=application.pk, user=people["manager"], reason="ok")
    line = application.lines.get()
    return_receive(
        application_id=application.pk, user=people["warehouse"], received={line.pk: line.quantity}
    )
    signers = {
        SignOffStep.WAREHOUSE_KEEPER: people["warehouse"],
        SignOffStep.WAREHOUSE_HEAD: people["warehouse_head"],
        SignOffStep.SALES_ADMIN: people["administration"],
        SignOffStep.SALES_LEADER: people["manager"],
        SignOffStep.FINANCE: people["finance"],
    }
    for step in SignOffStep:
        return_sign_off(application_id=application.pk, user=signers[step], step=step)
    application = return_note_issue(application_id=application.pk, user=people["finance"])
    every.objects["F-RET-001"] = application
    every.objects["F-RET-002"] = application
