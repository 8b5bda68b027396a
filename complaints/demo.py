"""The complaints app's part of the demo: complaints at each step of R16 (one short shipment
with the customer's weight) and two returns (R17): one waiting for the GM because the goods go
back to the factory, one received and half-way through its sign-offs, one closed with its
return note."""

from datetime import timedelta
from decimal import Decimal

from complaints.choices import ComplaintKind, Fault, Remedy, ReturnCause, SignOffStep
from complaints.services.complaints import (
    complaint_analyse,
    complaint_approve,
    complaint_file,
    complaint_reply,
)
from complaints.services.receiving import return_note_issue, return_receive, return_sign_off
from complaints.services.returns import return_apply, return_approve
from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step


def _return_lines(order, pieces: int) -> list[dict]:
    line = order.lines.first()
    size = next(iter(line.size_breakdown), "") if line.size_breakdown else ""
    return [{"style_no": order.style_no, "colour": line.colour, "size": size, "quantity": pieces}]


def complaints_demo(demo: DemoOrder) -> None:
    order, users = demo.order, demo.users
    merch, manager, qc = order.merchandiser, users["manager"], users["qc"]
    received = demo.today - timedelta(days=4)
    if demo.stage == Stage.SHIPPING and demo.nth == 4:
        complaint_file(
            order_id=order.pk,
            user=merch,
            kind=ComplaintKind.SHORT_SHIPMENT,
            description="Customer counts 3 cartons short on arrival (72 pcs).",
            quantity_affected=72,
            measured_weight_kg=Decimal("1386.5"),
            received_on=received,
        )
    elif demo.stage == Stage.SETTLED and demo.nth == 0:
        complaint = complaint_file(
            order_id=order.pk,
            user=merch,
            kind=ComplaintKind.QUALITY,
            description="Pilling on the body after two washes; customer sends photos.",
            quantity_affected=150,
            received_on=received - timedelta(days=10),
        )
        complaint_approve(
            complaint_id=complaint.pk, user=manager, comment="QA to check the yarn lot."
        )
        complaint_analyse(
            complaint_id=complaint.pk,
            user=qc,
            cause="Yarn lot 27-118 below the pilling grade of the approved swatch.",
            corrective_action="Anti-pilling finish added to the next bulk; lot quarantined.",
            fault=Fault.FACTORY,
        )
    elif demo.stage == Stage.SETTLED and demo.nth == 1:
        complaint = complaint_file(
            order_id=order.pk,
            user=merch,
            kind=ComplaintKind.BREAKAGE,
            description="Zippers broken on 40 pieces in cartons 12-14.",
            quantity_affected=40,
            received_on=received - timedelta(days=20),
        )
        complaint_approve(complaint_id=complaint.pk, user=manager)
        complaint_analyse(
            complaint_id=complaint.pk,
            user=qc,
            cause="Zipper pullers from a substituted supplier.",
            corrective_action="Back to the nominated YKK pullers; QC checks pullers inline.",
            fault=Fault.FACTORY,
        )
        complaint_reply(
            complaint_id=complaint.pk,
            user=merch,
            remedy=Remedy.REPLACEMENT,
            reply_text="We apologise; 40 replacement pieces ship by air within two weeks.",
        )
        # Company-caused return of the broken pieces, received and now being signed off.
        application = return_apply(
            order_id=order.pk,
            user=merch,
            reasons="拉鏈損壞（附投訴報告）。",
            cause=ReturnCause.COMPANY,
            lines=_return_lines(order, 40),
            production_problem=True,
            complaint_id=complaint.pk,
            applied_on=received - timedelta(days=12),
        )
        return_approve(application_id=application.pk, user=manager, handling="在香港返工")
        line = application.lines.first()
        return_receive(
            application_id=application.pk, user=users["warehouse"], received={line.pk: 38}
        )
        return_sign_off(
            application_id=application.pk,
            user=users["warehouse"],
            step=SignOffStep.WAREHOUSE_KEEPER,
        )
    elif demo.stage == Stage.SETTLED and demo.nth == 2:
        complaint = complaint_file(
            order_id=order.pk,
            user=merch,
            kind=ComplaintKind.WRONG_GOODS,
            description="Size labels M sewn into L garments, carton 5.",
            quantity_affected=60,
            received_on=received - timedelta(days=2),
        )
        complaint_approve(complaint_id=complaint.pk, user=manager)
        # The mislabelled pieces go back to the factory: that needs the GM (R17).
        return_apply(
            order_id=order.pk,
            user=merch,
            reasons="尺碼標錯，由工廠重新換標。",
            cause=ReturnCause.COMPANY,
            lines=_return_lines(order, 60),
            production_problem=True,
            back_to_factory=True,
            complaint_id=complaint.pk,
            applied_on=received,
        )
    elif demo.stage == Stage.SETTLED and demo.nth == 3:
        _closed_return(demo)


def _closed_return(demo: DemoOrder) -> None:
    """A company-caused return signed off by all five and closed with its return note (R17),
    so the return note (F-RET-002) prints."""
    order, users = demo.order, demo.users
    application = return_apply(
        order_id=order.pk,
        user=order.merchandiser,
        reasons="Colour shading between cartons; the customer returns one carton.",
        cause=ReturnCause.COMPANY,
        lines=_return_lines(order, 24),
        applied_on=demo.today - timedelta(days=30),
    )
    return_approve(
        application_id=application.pk, user=users["manager"], handling="以貸項通知單抵扣"
    )
    line = application.lines.first()
    return_receive(application_id=application.pk, user=users["warehouse"], received={line.pk: 24})
    signers = {
        SignOffStep.WAREHOUSE_KEEPER: users["warehouse"],
        SignOffStep.WAREHOUSE_HEAD: users["warehouse_head"],
        SignOffStep.SALES_ADMIN: users["admin_clerk"],
        SignOffStep.SALES_LEADER: users["manager"],
        SignOffStep.FINANCE: users["finance"],
    }
    for step in SignOffStep:
        return_sign_off(application_id=application.pk, user=signers[step], step=step)
    return_note_issue(application_id=application.pk, user=users["finance"])


register_demo_step("complaints", complaints_demo)
