"""R3: bulk fabric tests at an approved lab; a failure tells customer and factory at once."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from orders.choices import EventKind
from orders.services.common import lock_row
from suppliers import notifications
from suppliers.choices import LabResult, SupplierEvent, SupplierKind
from suppliers.models import FabricBooking, LabTest, LabTestItem, Supplier
from suppliers.permissions import can_record_lab_results
from suppliers.services.common import ActionRefused, lock_for, note


def lab_test_send(
    *, booking_id: int, user, lab_id: int, sent_on: date, items: list[dict]
) -> LabTest:
    """Bulk fabric goes to a lab for the listed test items; only approved labs (R3)."""
    with transaction.atomic():
        booking = lock_row(FabricBooking, pk=booking_id)
        order = lock_for(booking.order_id, user, allowed=can_record_lab_results)
        lab = Supplier.objects.filter(pk=lab_id).first()
        if lab is None or lab.kind != SupplierKind.TEST_LAB:
            raise ActionRefused(_("Choose a test lab."))
        if not lab.approved:
            raise ActionRefused(
                _(
                    "%(lab)s is not an approved lab: bulk fabric tests go to approved labs "
                    "only (R3)."
                )
                % {"lab": lab}
            )
        names = [(item.get("name") or "").strip() for item in items]
        if not any(names):
            raise ActionRefused(_("List at least one test item."))
        test = LabTest.objects.create(booking=booking, lab=lab, sent_on=sent_on, recorded_by=user)
        LabTestItem.objects.bulk_create(
            LabTestItem(test=test, name=name, requirement=(item.get("requirement") or "").strip())
            for name, item in zip(names, items, strict=True)
            if name
        )
        note(
            order,
            user=user,
            kind=EventKind.NOTE,
            action=SupplierEvent.LAB_TEST_SENT,
            detail=f"{booking.fabric_name} → {lab}",
        )
    return test


def lab_test_record_results(
    *,
    test_id: int,
    user,
    results: dict[int, tuple[str, bool]],
    reported_on: date,
    report_no: str = "",
) -> LabTest:
    """The lab's result per test item: {item id: (value, passed)}. Any failed item fails the
    test, holds the materials gate and e-mails the customer and the factory after the commit."""
    with transaction.atomic():
        test = lock_row(LabTest.objects.select_related("booking"), pk=test_id)
        order = lock_for(test.booking.order_id, user, allowed=can_record_lab_results)
        if test.result != LabResult.PENDING:
            raise ActionRefused(_("This test's result is already recorded; send a new test."))
        items = list(test.items.all())
        missing = [item.name for item in items if item.pk not in results]
        if missing:
            raise ActionRefused(
                _("Give a result for every test item."), details=[str(name) for name in missing]
            )
        for item in items:
            value, passed = results[item.pk]
            item.value, item.passed = (value or "").strip(), bool(passed)
            item.save(update_fields=["value", "passed"])
        failed = [item for item in items if not item.passed]
        test.result = LabResult.FAILED if failed else LabResult.PASSED
        test.reported_on, test.report_no, test.recorded_by = reported_on, report_no, user
        test.save(update_fields=["result", "reported_on", "report_no", "recorded_by"])
        detail = f"{test.booking.fabric_name} @ {test.lab}"
        if failed:
            detail += " — " + ", ".join(f"{item.name}: {item.value}" for item in failed)
        note(
            order,
            user=user,
            kind=EventKind.REJECTION if failed else EventKind.APPROVAL,
            action=SupplierEvent.LAB_TEST_FAILED if failed else SupplierEvent.LAB_TEST_PASSED,
            detail=detail,
        )
        if failed:
            notifications.lab_test_failed(test)
    return test
