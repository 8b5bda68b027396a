"""`manage.py seed_demo`: every stage represented, idempotent, demo users hold their roles."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from complaints.choices import ComplaintKind, ComplaintStatus, ReturnStatus
from complaints.models import Complaint, ReturnApplication, ReturnSignOff
from orders.choices import Stage
from orders.credit.models import CreditGuarantee
from orders.credit.rules import r20_credit_status
from orders.demo import DEMO_LOGINS, DEMO_PASSWORD, SUPERUSER
from orders.intake.choices import PmcReplyStatus
from orders.models import (
    Approval,
    ChangeRequest,
    Customer,
    CustomerContact,
    DateChangeRequest,
    Milestone,
    Order,
    OrderEvent,
    OrderLine,
    PaymentClearance,
    Profile,
    ProgressReport,
    Team,
)
from orders.planning.choices import DateChangeStatus
from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation
from orders.roles import has_role, roles_of
from samples.choices import LetterStatus, SampleStatus, SampleType
from samples.models import CommentLetter, SampleRequest
from shipping import rules as shipping_rules
from shipping.choices import PaymentStatus, Verdict
from shipping.models import (
    CommercialInvoice,
    Dispatch,
    ExportDocument,
    GuaranteeLetter,
    InspectionBooking,
    InspectionCertificate,
    InspectionReport,
    PackingList,
    Payment,
)
from shipping.statements.models import InvoiceRun, Statement
from suppliers.choices import LabResult, TrimCardStatus
from suppliers.models import FabricBooking, Factory, FactoryContact, LabTest, TrimCard

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

COUNTED = [
    Order,
    OrderLine,
    OrderEvent,
    Approval,
    PaymentClearance,
    Customer,
    CustomerContact,
    Factory,
    FactoryContact,
    Team,
    Profile,
    get_user_model(),
    # What the other apps' demo steps add (their demo.py modules).
    SampleRequest,
    CommentLetter,
    FabricBooking,
    TrimCard,
    LabTest,
    InspectionBooking,
    InspectionReport,
    InspectionCertificate,
    GuaranteeLetter,
    PackingList,
    ExportDocument,
    Payment,
    Complaint,
    ReturnApplication,
    ReturnSignOff,
    DateChangeRequest,
    ProgressReport,
    Milestone,
    Quotation,
    CreditGuarantee,
]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once for the module, the longest step of the suite otherwise repeated per
    test; each test reads it inside its own rolled-back transaction, and the seeding itself is
    rolled back when the module ends."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"),
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        transaction.atomic(),
    ):
        yield seed()
        transaction.set_rollback(True)


def test_seed_demo_covers_every_stage_and_running_twice_changes_nothing(demo):
    output = demo
    assert set(Order.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert 45 <= Order.objects.count() <= 70
    assert any(order.is_late for order in Order.objects.all())
    first = counts()

    again = seed()
    assert counts() == first
    assert not mail.outbox
    for _role, username, password in DEMO_LOGINS:
        assert username in output and password in output
        assert username in again


def test_demo_orders_were_walked_through_the_services():
    for order in Order.objects.filter(stage=Stage.SETTLED):
        actions = set(order.events.values_list("action", flat=True))
        assert {"submit_for_review", "approve", "start_production", "settle"} <= actions
    rejected = Order.objects.filter(events__action="return_for_changes").distinct()
    assert rejected and all(order.stage == Stage.RECEIVED for order in rejected)
    cancelled = Order.objects.filter(stage=Stage.CANCELLED)
    assert all(order.cancel_reason for order in cancelled)


def test_demo_users_log_in_and_hold_their_roles(client):
    for role, username, password in DEMO_LOGINS:
        assert password == DEMO_PASSWORD
        assert client.login(username=username, password=password), username
        user = get_user_model().objects.get(username=username)
        assert user.email == f"{username}@gendan.example"
        if role == SUPERUSER:
            assert user.is_superuser
        else:
            assert roles_of(user) == {role}
            assert has_role(user, role)
    managers = get_user_model().objects.filter(username__in=["manager", "gm", "finance"])
    assert all(user.is_staff for user in managers)
    assert get_user_model().objects.get(username="merch").profile.team.name.startswith("Knit")
    assert get_user_model().objects.get(username="merch2").profile.language == "zh-hans"


def test_demo_shows_every_part_of_the_product():
    # Samples (R4, R22): a checked PP round waiting for its decision, signed comment letters.
    assert SampleRequest.objects.filter(
        sample_type=SampleType.PRE_PRODUCTION, status=SampleStatus.CHECKED
    ).exists()
    assert CommentLetter.objects.filter(status=LetterStatus.SIGNED).count() >= 2
    assert CommentLetter.objects.filter(status=LetterStatus.DRAFT).exists()
    # Materials (R1, R3): trim cards waiting, one past its deadline; a failed lab test.
    waiting = TrimCard.objects.filter(status=TrimCardStatus.SUBMITTED)
    assert waiting.count() == 2 and {card.is_overdue for card in waiting} == {True, False}
    assert LabTest.objects.filter(result=LabResult.FAILED).count() == 1
    # Inspections (R7, R12): a failed one shipping under an L/G still unsigned, passes with
    # certificates, a booking without a report yet.
    assert InspectionReport.objects.filter(verdict=Verdict.FAIL).count() == 2
    letter = GuaranteeLetter.objects.get()
    assert not letter.is_signed
    assert InspectionCertificate.objects.count() >= 5
    assert InspectionBooking.objects.filter(report__isnull=True).exists()
    # Shipment papers and money (R21, R27) on shipped orders.
    shipping = Order.objects.filter(stage=Stage.SHIPPING)
    assert all(hasattr(order, "packing_list") for order in shipping)
    statuses = {
        shipping_rules.balance(order).status
        for order in Order.objects.filter(stage__in=[Stage.SHIPPING, Stage.SETTLED])
    }
    assert {PaymentStatus.PAID, PaymentStatus.PARTIAL, PaymentStatus.OVERDUE} <= statuses
    # Complaints and returns (R16, R17).
    complaints = Complaint.objects.all()
    assert 3 <= complaints.count() <= 4
    assert len({complaint.status for complaint in complaints}) >= 3
    short = complaints.get(kind=ComplaintKind.SHORT_SHIPMENT)
    assert short.measured_weight_kg and short.status == ComplaintStatus.AWAITING_APPROVAL
    returns = ReturnApplication.objects.all()
    assert {r.status for r in returns} == {
        ReturnStatus.AWAITING_APPROVAL,
        ReturnStatus.RECEIVED,
        ReturnStatus.CLOSED,
    }
    assert returns.get(status=ReturnStatus.AWAITING_APPROVAL).back_to_factory
    # Planning (R6, R25): a date change waiting, progress reports, late milestones.
    assert DateChangeRequest.objects.filter(status=DateChangeStatus.PROPOSED).count() == 1
    assert ProgressReport.objects.exists()
    assert Milestone.objects.filter(actual_date=None, planned_date__lt=timezone.localdate())


def test_demo_has_orders_that_change():
    from orders.changes.choices import ChangeStatus, FactoryAnswer
    from orders.models import RepeatOrder

    # R8: a change applied as Rev 2, and one the factory agreed that waits for the customer.
    applied = ChangeRequest.objects.get(status=ChangeStatus.APPLIED)
    assert applied.order.revision == 2 and applied.applied_revision == 2
    assert ChangeRequest.objects.filter(
        status=ChangeStatus.SENT_TO_FACTORY, factory_answer=FactoryAnswer.AGREED, is_amendment=False
    ).exists()
    # R14: an amendment in production, with the production side's cut and made figures.
    amendment = ChangeRequest.objects.get(is_amendment=True)
    assert amendment.order.stage == Stage.IN_PRODUCTION and amendment.production_figures
    # R28: a settled order repeated, waiting for the customer's artwork confirmation.
    repeat = RepeatOrder.objects.get()
    assert repeat.original.stage == Stage.SETTLED and repeat.order.stage == Stage.RECEIVED
    assert not repeat.artwork_confirmed


def test_demo_timeline_keeps_the_order_events_happened_in():
    for order in Order.objects.filter(stage=Stage.APPROVED)[:3]:
        by_id = list(order.events.order_by("id").values_list("at", flat=True))
        assert by_id == sorted(by_id)
    # Signatures and clearances are dated with their events, not with the seeding.
    settled = Order.objects.filter(stage=Stage.SETTLED).first()
    for row in [*settled.approvals.all(), *settled.clearances.all()]:
        assert timezone.localdate(row.at) < timezone.localdate()


def test_demo_has_a_warehouse_head_who_may_sign_after_the_keeper(db):
    """R17: the second warehouse sign-off needs a head; the demo return would stop without one."""
    head = get_user_model().objects.get(username="warehouse_head")
    assert head.has_perm("complaints.sign_as_warehouse_head")
    assert (
        not get_user_model()
        .objects.get(username="warehouse")
        .has_perm("complaints.sign_as_warehouse_head")
    )


EPOCH = timezone.make_aware(timezone.datetime(2000, 1, 1))

# Which demo object each form prints: the one in the state its recipient gets it in.
DEMO_FORM_OBJECTS = {
    "F-ORD-001": lambda: Order.objects.filter(stage=Stage.IN_PRODUCTION),
    "F-PROG-001": lambda: Order.objects.filter(stage=Stage.IN_PRODUCTION),
    "F-CFB-001": lambda: Order.objects.filter(stage=Stage.SHIPPING),
    "F-TRIM-001": lambda: Order.objects.filter(trims__isnull=False).distinct(),
    "F-FAB-001": lambda: FabricBooking.objects.filter(signed_at__isnull=False),
    "F-PMER-001": lambda: CommentLetter.objects.filter(
        layout="F-PMER-001", signed_at__isnull=False
    ),
    "F-PMER-004": lambda: CommentLetter.objects.filter(
        layout="F-PMER-004", signed_at__isnull=False
    ),
    "TAG-APPROVAL": lambda: SampleRequest.objects.filter(status=SampleStatus.APPROVED),
    "F-PMER-003": lambda: GuaranteeLetter.objects.all(),
    "F-PMER-002": lambda: InspectionCertificate.objects.all(),
    "SHP-PL": lambda: PackingList.objects.all(),
    "SHP-CI": lambda: CommercialInvoice.objects.all(),
    "SHP-DN": lambda: Dispatch.objects.filter(waybill__gt=""),
    "F-CMP-001": lambda: Complaint.objects.exclude(status=ComplaintStatus.AWAITING_APPROVAL),
    "F-RET-001": lambda: ReturnApplication.objects.exclude(status=ReturnStatus.AWAITING_APPROVAL),
    "F-RET-002": lambda: ReturnApplication.objects.filter(status=ReturnStatus.CLOSED),
    "F-CHG-001": lambda: ChangeRequest.objects.all(),
    "F-QT-001": lambda: Quotation.objects.filter(status=QuotationStatus.SENT),
    "F-ORD-002": lambda: Order.objects.filter(direct_order=True),
    "F-ORD-003": lambda: Order.objects.filter(pmc_replies__status=PmcReplyStatus.REPLIED),
    "F-STM-001": lambda: Statement.objects.all(),
    "F-INV-001": lambda: InvoiceRun.objects.all(),
}


def test_demo_opens_every_form_including_the_delivery_note_and_a_customer_layout_letter(
    demo, client
):
    from orders.documents.registry import all_forms

    client.force_login(get_user_model().objects.get(username="admin"))
    for spec in all_forms():
        assert spec.code in DEMO_FORM_OBJECTS, spec.code
        obj = DEMO_FORM_OBJECTS[spec.code]().order_by("pk").first()
        assert obj is not None, f"the demo has nothing to print on {spec.code}"
        response = client.get(reverse("documents:preview", args=[spec.code, obj.pk]))
        assert response.status_code == 200 and spec.code in response.content.decode()


def test_r13_r29_r33_demo_intake():
    """A delivery date waiting for PMC, direct orders with their signed ORDER CONFIRMATION, an
    order under commodity inspection (商檢) with its bookings planned."""
    from orders.intake.models import PmcReply
    from orders.intake.rules import r29_po_countersigned, r29_signed_confirmation

    assert PmcReply.objects.filter(status=PmcReplyStatus.WAITING).exists()
    # R13: PMC was asked when the order went for review; one in review still waits for it.
    in_review = Order.objects.filter(stage=Stage.IN_REVIEW)
    assert in_review.filter(
        pmc_replies__status=PmcReplyStatus.WAITING, events__action="pmc_reply_requested"
    ).exists()
    assert in_review.filter(pmc_replies__status=PmcReplyStatus.REPLIED).exists()
    # R29: one direct order countersigned, one waiting for the sales office's countersignature.
    direct = Order.objects.filter(direct_order=True)
    assert all(r29_signed_confirmation(order) is not None for order in direct)
    assert sorted(r29_po_countersigned(order) for order in direct) == [False, True]
    inspected = Order.objects.filter(commodity_inspection=True)
    assert all(order.milestones.filter(code="customs_booked").exists() for order in inspected)
    # R33: one in inspection has its booking and certificate recorded, their milestones done.
    under_way = inspected.get(stage=Stage.INSPECTION)
    assert set(under_way.commodity_inspection_records.values_list("step", flat=True)) == {
        "booked",
        "passed",
    }
    done = under_way.milestones.exclude(actual_date=None).values_list("code", flat=True)
    assert {"commodity_inspection_booked", "commodity_inspection_passed"} <= set(done)


def test_r18_demo_has_quotations_in_every_state_one_won_into_its_order():
    states = set(Quotation.objects.values_list("status", flat=True))
    assert states == set(QuotationStatus.values)
    won = Quotation.objects.get(status=QuotationStatus.WON)
    assert won.order is not None and won.order.stage == Stage.RECEIVED
    waiting = Quotation.objects.get(status=QuotationStatus.IN_APPROVAL)
    assert waiting.needs_special_approval()
    assert has_role(get_user_model().objects.get(username="deputy_gm"), "deputy_gm")


def test_r20_demo_customer_over_its_limit_waits_for_a_guarantee():
    guarantee = CreditGuarantee.objects.select_related("order__customer").get()
    order = guarantee.order
    assert guarantee.status == "requested" and order.stage == Stage.IN_REVIEW
    status = r20_credit_status(order)
    assert not status.met
    limit = next(c for c in status.conditions if c.code == "limit")
    assert limit.met is False and order.customer.credit_limit < order.total_amount.amount


def test_r31_r34_demo_has_a_disputed_unpaid_monthly_statement_and_a_waiting_invoice_request():
    from orders.choices import Settlement
    from shipping.choices import InvoiceRequestStatus
    from shipping.models import InvoiceRequest
    from shipping.statements.choices import StatementStatus
    from shipping.statements.rules import r31_owed_on

    statement = Statement.objects.get(
        customer__settlement=Settlement.MONTHLY, status=StatementStatus.DISPUTED
    )
    assert statement.lines.filter(disputed=True, dispute_reason__gt="").count() == 1
    assert r31_owed_on(statement)  # unpaid
    waiting = Order.objects.get(customer=statement.customer, stage=Stage.IN_REVIEW)
    (condition,) = r20_credit_status(waiting).conditions
    assert condition.met is False and statement.label in condition.label
    request = InvoiceRequest.objects.get(status=InvoiceRequestStatus.REQUESTED)
    assert request.next_role == "department_manager"


def test_r31_demo_has_a_paper_confirmation_a_corrected_dispute_and_invoices_awaiting_receipt():
    from shipping.choices import DeductionSource
    from shipping.statements.choices import InvoiceRunStatus, LineKind, StatementStatus

    resolved = Statement.objects.get(status=StatementStatus.RESOLVED)
    assert resolved.correction.source == DeductionSource.CREDIT_NOTE
    assert resolved.paper_confirmation  # the dispute came back on paper
    confirmed = Statement.objects.get(customer=resolved.customer, status=StatementStatus.CONFIRMED)
    assert confirmed.paper_recorded_by is not None and confirmed.paper_confirmation
    credit = confirmed.lines.get(kind=LineKind.CREDIT_NOTE)
    assert -credit.amount == resolved.correction.amount
    run = InvoiceRun.objects.get(status=InvoiceRunStatus.SENT)
    assert run.lines.count() == 2 and run.received_at is None
