"""Every form, in every language, prints what its recipient needs: the PDF text (pypdf) holds
the fields, its labels are in that language, and no English label is left in a Chinese form."""

from datetime import datetime

import pytest
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from orders.documents.registry import all_forms, get_form
from orders.documents.render import render_pdf
from orders.templatetags.gendan import person
from tests.documents.conftest import contains_all, pdf_text
from tests.documents.every_form import CUSTOMER, DEFECT, FACTORY, build
from tests.factories import make_team

LANGUAGES = ("en", "zh-hant", "zh-hans")
CODES = (
    "F-ORD-001", "F-TRIM-001", "F-FAB-001", "F-PMER-001", "F-PMER-004", "TAG-APPROVAL",
    "F-PMER-003", "F-PMER-002", "SHP-PL", "SHP-CI", "SHP-DN", "F-CMP-001", "F-RET-001",
    "F-RET-002", "F-PROG-001", "F-CFB-001", "F-ORD-002", "F-ORD-003",
)  # fmt: skip

# English labels that must not survive in a Chinese form (data, like the customer's English
# name or QC's defect description, is printed as entered).
ENGLISH_LABELS = (
    "Customer P/O",
    "Style no",
    "Quantity",
    "Signature",
    "Factory",
    "Total",
    "Page ",
    "Sample size",
    "Description",
    "Merchandiser",
    "Date",
    "Name in print",
    " OK",
)


@pytest.fixture(scope="module")
def every(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build(make_team())
        transaction.set_rollback(True)


def _d(value) -> str:
    """A date as the form prints it: a moment is dated in office time (between 16:00 and 24:00
    UTC that is already the next day in Hong Kong)."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return f"{value:%Y-%m-%d}"


def fields(code: str, obj, every) -> list:
    """What the recipient needs to read on the form, data and labels (call under the form's
    language, so the labels are translated)."""
    order = every.order
    common = [order.po_number, order.style_no, _("Customer P/O no.")]
    if code in ("F-ORD-001", "F-TRIM-001"):
        extra = [FACTORY, order.description, "Sky Blue"] if code == "F-ORD-001" else []
        return common + extra + [_("Signature and company chop")]
    if code == "F-FAB-001":
        return common + [obj.fabric_name, person(obj.signed_by), _("Signed by (group head)")]
    if code in ("F-PMER-001", "F-PMER-004"):
        return common + ["Shade too dark", "52.5", person(obj.signed_by), FACTORY]
    if code == "TAG-APPROVAL":
        return [order.po_number, _d(obj.decided_at), person(obj.decided_by), _("Approval date")]
    if code == "F-PMER-003":
        report = obj.report
        return common + [
            obj.number,
            _d(obj.created_at),
            "1000",  # order and lot quantity
            _("Order quantity"),
            _("Lot inspected"),
            DEFECT,
            _("Major"),
            "陈厂长",  # the responsible person's name printed under the factory's box
            _("Name in print"),
            _("Factory's responsible person"),
            _d(report.inspected_on),
        ]
    if code == "F-PMER-002":
        report = obj.report
        return common + [
            obj.number,
            _("Certificate no."),
            _d(obj.issued_at),
            _("Date of issue"),
            CUSTOMER,
            _("Quantity presented"),
            str(report.quantity_presented),
            _("Sample size"),
            str(report.quantity_checked),
            _("Cartons opened"),
            "8",
            _("Inspection date"),
            _d(report.inspected_on),
            "Wing Yip",
            _("Our QC"),
            _("Critical"),
            _("Major"),
            _("Minor"),
            pgettext("AQL result", "Accepted"),
            _("Packing as instructed"),
            _("Conforms"),
            _("Issued by"),
            _("PASS"),
        ]
    if code == "SHP-PL":
        totals = obj.totals()
        return common + [
            CUSTOMER,
            "NORTHWIND",
            "CI-NWA-7788",
            str(totals["cartons"]),
            str(totals["pieces"]),
            _("Customer: received and confirmed"),
        ]
    if code == "SHP-CI":
        return common + [obj.number, CUSTOMER, "8,500.00", "1000", _("Authorised signature")]
    if code == "SHP-DN":
        return common + [obj.number, obj.waybill, "1000", "40", _("Received by (customer)")]
    if code == "F-CMP-001":
        return common + [obj.number, "Loose threads on 40 pcs", FACTORY]
    if code == "F-RET-001":
        return common + [obj.number, "Broken seams", CUSTOMER]
    if code == "F-PROG-001":
        return common + ["Sky Blue", _("Production progress by process step"), _("Inspections")]
    if code == "F-CFB-001":
        return common + [CUSTOMER, _("Product quality"), _("Customer: countersigned")]
    if code == "F-ORD-002":  # R29: the size allocation, priced and signed by the sales office
        return common + [FACTORY, "Sky Blue", "400", _("Size allocation"),
                         _("Factory sales office: priced and confirmed")]  # fmt: skip
    if code == "F-ORD-003":  # R13: the written reply gives PMC's date
        return common + [CUSTOMER, _d(every.order.ex_factory_date), _("Delivery date we confirm")]
    if code == "F-RET-002":
        return common + [obj.note_number, CUSTOMER, _("Warehouse keeper")]
    raise AssertionError(f"no expectations for {code}")


def test_every_registered_form_is_printed_here():
    # The change notice prints a change request's diff: tests/changes/test_notice.py; the
    # quotation: tests/quotations/test_pdf.py; the monthly statement:
    # tests/statements/test_r31_statements.py; the invoices sent at a cut-off:
    # tests/statements/test_r31_invoice_runs.py.
    assert {spec.code for spec in all_forms()} == {
        *CODES,
        *("F-CHG-001", "F-QT-001", "F-STM-001", "F-INV-001"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", CODES)
def test_form_prints_what_its_recipient_needs(every, code, language):
    obj = every.objects[code]
    text = pdf_text(render_pdf(get_form(code), obj, language))
    with translation.override(language):
        expected = fields(code, obj, every)
    assert contains_all(text, *expected) == []
    if language != "en":
        assert [label for label in ENGLISH_LABELS if label in text] == []
