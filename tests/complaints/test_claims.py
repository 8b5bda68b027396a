"""A complaint that was the factory's fault raises a claim that reaches the order's settlement."""

from decimal import Decimal

import pytest

from complaints.choices import Fault
from complaints.models import FactoryClaim
from complaints.services import factory_claim_raise
from orders.models import OrderEvent
from orders.services.common import ActionRefused
from shipping import rules as settlement
from shipping.choices import DeductionSource
from shipping.models import Deduction
from tests.complaints.builders import analysed_complaint, file_complaint
from tests.factories import fresh

pytestmark = pytest.mark.django_db


def test_factory_claim_reaches_the_settlement(order, department_manager, qc, finance):
    before = settlement.balance(fresh(order))
    assert before.deducted.amount == 0
    complaint = analysed_complaint(order, leader=department_manager, qc=qc)

    claim = factory_claim_raise(
        complaint_id=complaint.pk, user=finance, amount=Decimal("120.00"), reason="40 pcs rework"
    )

    deduction = Deduction.objects.get(order=order)
    assert claim.deduction == deduction
    assert deduction.source == DeductionSource.COMPLAINT
    assert deduction.source_reference == f"complaints.Complaint:{complaint.pk}"
    assert claim.factory == order.factory
    after = settlement.balance(fresh(order))
    assert after.deducted.amount == Decimal("120.00")
    assert after.owed.amount == before.owed.amount - Decimal("120.00")
    actions = set(OrderEvent.objects.filter(order=order).values_list("action", flat=True))
    assert {"deduction_recorded", "factory_claim"} <= actions


def test_no_claim_before_qa_found_the_factory_at_fault(order, department_manager, qc, finance):
    complaint = file_complaint(order)
    with pytest.raises(ActionRefused, match="QA must analyse"):
        factory_claim_raise(
            complaint_id=complaint.pk, user=finance, amount=Decimal("1"), reason="x"
        )
    carrier = analysed_complaint(order, leader=department_manager, qc=qc, fault=Fault.CARRIER)
    with pytest.raises(ActionRefused, match="not find the factory at fault"):
        factory_claim_raise(complaint_id=carrier.pk, user=finance, amount=Decimal("1"), reason="x")
    assert not Deduction.objects.exists()


def test_one_claim_per_complaint_and_only_finance_or_a_manager(
    order, department_manager, qc, finance, merchandiser
):
    complaint = analysed_complaint(order, leader=department_manager, qc=qc)
    with pytest.raises(ActionRefused, match="finance or a manager"):
        factory_claim_raise(
            complaint_id=complaint.pk, user=merchandiser, amount=Decimal("5"), reason="x"
        )
    factory_claim_raise(
        complaint_id=complaint.pk, user=department_manager, amount=Decimal("5"), reason="x"
    )
    with pytest.raises(ActionRefused, match="already raised"):
        factory_claim_raise(
            complaint_id=complaint.pk, user=finance, amount=Decimal("5"), reason="x"
        )
    assert FactoryClaim.objects.count() == Deduction.objects.count() == 1
