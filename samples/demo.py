"""The samples app's part of the demo: proto and PP rounds with their measurement checks and
comment letters (R4, R22), at the stages where a merchandiser would have them."""

from datetime import timedelta
from decimal import Decimal

from orders.choices import Stage
from orders.demo.contributors import DemoOrder, register_demo_step, register_gate_walk
from samples.choices import (
    DECIDED_STATUSES,
    Area,
    LetterLayout,
    SampleStatus,
    SampleType,
    Severity,
)
from samples.models import SampleRequest
from samples.services import (
    comment_letter_create,
    comment_letter_sign,
    sample_check_record,
    sample_decide,
    sample_receive,
    sample_request_create,
)


def _size(order) -> str:
    line = order.lines.first()
    return next(iter(line.size_breakdown), "M") if line and line.size_breakdown else "M"


def _measurements(order, *, chest_actual: str) -> list[dict]:
    size = _size(order)
    return [
        {"point_of_measure": "1/2 chest", "size": size, "spec": Decimal("52.0"),
         "tolerance": Decimal("1.0"), "actual": Decimal(chest_actual)},
        {"point_of_measure": "Body length HPS", "size": size, "spec": Decimal("70.0"),
         "tolerance": Decimal("1.0"), "actual": Decimal("70.5")},
        {"point_of_measure": "Sleeve length", "size": size, "spec": Decimal("62.0"),
         "tolerance": Decimal("1.0"), "actual": Decimal("61.5")},
    ]  # fmt: skip


def _round(demo: DemoOrder, sample_type: str, *, days_ago: int) -> SampleRequest:
    order = demo.order
    return sample_request_create(
        order_id=order.pk,
        user=order.merchandiser,
        sample_type=sample_type,
        requested_on=demo.today - timedelta(days=days_ago),
        due_on=demo.today - timedelta(days=days_ago - 10),
        instructions="用大貨布及輔料；按 R22 每款三件。",
    )


def _signed_letter(demo: DemoOrder, sample: SampleRequest, layout=LetterLayout.HOUSE) -> None:
    letter = comment_letter_create(
        sample_id=sample.pk,
        user=demo.order.merchandiser,
        layout=layout,
        remarks="保持已批色。",
    )
    comment_letter_sign(letter=letter, user=demo.users["manager"])


def samples_demo(demo: DemoOrder) -> None:
    order, user = demo.order, demo.order.merchandiser
    if demo.stage == Stage.IN_REVIEW and demo.nth in (0, 3):
        _round(demo, SampleType.PROTO, days_ago=4)  # requested, due from the factory
    elif demo.stage == Stage.APPROVED and demo.nth == 0:
        # Proto approved with a signed comment letter; the PP round checked, to be decided.
        proto = _round(demo, SampleType.PROTO, days_ago=30)
        sample_receive(sample_id=proto.pk, user=user, received_on=demo.today - timedelta(days=22))
        sample_check_record(
            sample_id=proto.pk,
            user=user,
            measurements=_measurements(order, chest_actual="53.5"),
            discrepancies=[
                {
                    "area": Area.CONSTRUCTION,
                    "description": "Neck rib slightly wavy",
                    "severity": Severity.MAY_PRODUCE,
                },
            ],  # fmt: skip
            construction_remarks="整體良好；領羅紋放鬆少少。",
        )
        proto.refresh_from_db()
        for discrepancy in proto.discrepancies.filter(severity=Severity.MUST_CORRECT):
            discrepancy.severity = Severity.MAY_PRODUCE  # the customer accepted the chest +1.5
            discrepancy.save(update_fields=["severity"])
        _signed_letter(demo, proto)
        sample_decide(sample_id=proto.pk, user=user, approved=True)
        pp = _round(demo, SampleType.PRE_PRODUCTION, days_ago=12)
        sample_receive(sample_id=pp.pk, user=user, received_on=demo.today - timedelta(days=2))
        sample_check_record(
            sample_id=pp.pk,
            user=user,
            measurements=_measurements(order, chest_actual="52.5"),
            discrepancies=[],
            wash_remarks="酵素洗效果與洗水標準相符。",
        )
    elif demo.stage == Stage.APPROVED and demo.nth == 1:
        # A proto round with a must-correct point; its letter waits for the group head.
        proto = _round(demo, SampleType.PROTO, days_ago=14)
        sample_receive(sample_id=proto.pk, user=user, received_on=demo.today - timedelta(days=3))
        sample_check_record(
            sample_id=proto.pk,
            user=user,
            measurements=_measurements(order, chest_actual="54.5"),
            discrepancies=[],
        )
        comment_letter_create(sample_id=proto.pk, user=user, remarks="改正胸闊。")
    elif demo.stage == Stage.APPROVED and demo.nth == 2:
        _round(demo, SampleType.PRE_PRODUCTION, days_ago=3)
    elif demo.stage in (Stage.IN_PRODUCTION, Stage.SHIPPING) and demo.nth in (0, 1):
        # The gate's approved PP round gets the signed letter the factory produces against.
        pp = order.samples.filter(sample_type=SampleType.PRE_PRODUCTION).order_by("-round_no")
        if pp.exists():
            # The second one's customer asks for its own layout (F-PMER-001).
            layout = LetterLayout.CUSTOMER if demo.nth == 1 else LetterLayout.HOUSE
            _signed_letter(demo, pp.first(), layout)


register_demo_step("samples", samples_demo)


def satisfy_pp_sample_gate(order) -> None:
    """What the merchandiser does to meet the gate: a PP round received, checked clean and
    approved (for demo data and the tests of other apps)."""
    user = order.merchandiser
    sample = (
        SampleRequest.objects.filter(order=order, sample_type=SampleType.PRE_PRODUCTION)
        .order_by("-round_no")
        .first()
    )
    if sample is None or sample.status in DECIDED_STATUSES:
        sample = sample_request_create(
            order_id=order.pk, user=user, sample_type=SampleType.PRE_PRODUCTION
        )
    if sample.status == SampleStatus.REQUESTED:
        sample_receive(sample_id=sample.pk, user=user)
    sample_check_record(sample_id=sample.pk, user=user, measurements=[], discrepancies=[])
    sample_decide(sample_id=sample.pk, user=user, approved=True)


register_gate_walk("start_production", "pp_sample", satisfy_pp_sample_gate)
