"""R29 direct orders: the ORDER CONFIRMATION with the size allocation goes to the sales office,
which prices it and signs it back; the P/O goes to review (and is approved) only once the
signed confirmation is in the order's file."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from orders.choices import Decision, Stage
from orders.documents.order_file import order_file
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.documents.services import document_record_signed_copy, document_send
from orders.gates import gate_statuses
from orders.intake.choices import IntakeEvent
from orders.intake.models import PoCountersignature
from orders.intake.rules import (
    ORDER_CONFIRMATION_FORM,
    r29_confirmation_signed,
    r29_po_countersigned,
)
from orders.intake.services import po_countersignature_record
from orders.models import Order
from orders.outbox.tasks import deliver_outbox
from orders.roles import Role
from orders.services.common import ActionRefused
from orders.services.review import approval_record
from orders.services.transitions import order_transition
from orders.timeline import render_message
from tests.documents.conftest import contains_all, pdf_text
from tests.factories import fresh, make_order, make_team, make_user, tick_contract
from tests.guards import GuardedOrderView
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"\0" * 64


@pytest.fixture
def direct(merchandiser):
    order = make_order(
        merchandiser=merchandiser,
        direct_order=True,
        po_number="JV-DIRECT-1",
        lines=[
            {
                "colour": "Charcoal",
                "size_breakdown": {"S": 120, "M": 240, "L": 140},
                "quantity": 500,
                "unit_price": "6.20",
            }
        ],
    )
    tick_contract(order)
    return fresh(order)


def send_confirmation(order, user):
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=order, user=user)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


def file_signed(document, user):
    return document_record_signed_copy(
        document=document,
        user=user,
        signed_copy=SimpleUploadedFile("oc-signed.pdf", PDF, content_type="application/pdf"),
        signed_by_name="Sales office, Mr Tam",
    )


def test_r29_a_direct_order_waits_for_the_signed_confirmation(direct, merchandiser):
    assert not r29_confirmation_signed(direct)
    with pytest.raises(ActionRefused):
        order_transition(order_id=direct.pk, user=merchandiser, name="submit_for_review")
    unmet = [s for s in gate_statuses(direct, "submit_for_review") if not s.met]
    assert [s.gate.code for s in unmet] == ["order_confirmation"]
    document = send_confirmation(direct, merchandiser)
    with pytest.raises(ActionRefused):  # sent is not signed
        order_transition(order_id=direct.pk, user=merchandiser, name="submit_for_review")
    file_signed(document, merchandiser)
    order_transition(order_id=direct.pk, user=merchandiser, name="submit_for_review")
    assert fresh(direct).stage == Stage.IN_REVIEW
    assert direct.events.filter(action=IntakeEvent.CONFIRMATION_SIGNED).exists()


def test_r29_the_signed_confirmation_is_kept_in_the_order_file(direct, merchandiser):
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    signed = next(group for group in order_file(direct) if group.kind == "signed")
    assert [entry.filename for entry in signed.entries] == [
        f"{ORDER_CONFIRMATION_FORM}-v1-signed.pdf"
    ]


def test_r29_approval_is_refused_for_a_direct_order_without_it(
    direct, merchandiser, department_manager, administration
):
    Order.objects.filter(pk=direct.pk).update(stage=Stage.IN_REVIEW)
    statuses = gate_statuses(fresh(direct), "approve")
    assert any(s.gate.code == "order_confirmation" and not s.met for s in statuses)


def test_r29_an_ordinary_order_is_not_held(merchandiser):
    order = make_order(merchandiser=merchandiser)
    tick_contract(order)
    assert r29_confirmation_signed(order)
    assert "order_confirmation" not in {s.gate.code for s in gate_statuses(order, "approve")}
    with pytest.raises(ActionRefused, match="not a direct order"):
        document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=order, user=merchandiser)


def test_r29_only_the_orders_merchandiser_sends_and_files_it(direct, merchandiser, qc):
    outsider = make_user(Role.MERCHANDISER, team=make_team())
    for someone in (qc, outsider):
        with pytest.raises(ActionRefused):
            document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=direct, user=someone)
    document = send_confirmation(direct, merchandiser)
    with pytest.raises(ActionRefused):
        file_signed(document, outsider)
    assert not r29_confirmation_signed(direct)


def test_r29_the_confirmation_goes_out_at_intake_only(direct, merchandiser):
    Order.objects.filter(pk=direct.pk).update(stage=Stage.APPROVED)
    with pytest.raises(ActionRefused, match="intake"):
        document_send(spec_code=ORDER_CONFIRMATION_FORM, obj=fresh(direct), user=merchandiser)


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r29_order_confirmation_pdf_in_three_languages(direct, language):
    text = pdf_text(render_pdf(get_form(ORDER_CONFIRMATION_FORM), direct, language))
    with translation.override(language):
        from django.utils.translation import gettext as _

        expected = [
            "JV-DIRECT-1",
            "Charcoal",
            "240",
            "500",
            _("ORDER CONFIRMATION"),
            _("Size allocation"),
            _("Unit price (sales office)"),
            _("Factory sales office: priced and confirmed"),
        ]
    assert contains_all(text, *expected) == []
    if language != "en":
        assert "Size allocation" not in text and "Quantity" not in text


def countersign(order, user, **kwargs):
    kwargs.setdefault("signed_by_name", "Sales office, Mr Tam")
    kwargs.setdefault("signed_on", date.today())
    return po_countersignature_record(order_id=order.pk, user=user, **kwargs)


def test_r29_direct_order_approved_once_signed_and_countersigned(
    direct, merchandiser, department_manager, administration
):
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    order_transition(order_id=direct.pk, user=merchandiser, name="submit_for_review")
    approval_record(order_id=direct.pk, user=department_manager, decision=Decision.APPROVED)
    countersign(direct, merchandiser)
    approval_record(order_id=direct.pk, user=administration, decision=Decision.APPROVED)
    assert fresh(direct).stage == Stage.APPROVED


def test_r29_po_countersigned_before_distribution(
    direct, merchandiser, department_manager, administration
):
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    order_transition(order_id=direct.pk, user=merchandiser, name="submit_for_review")
    approval_record(order_id=direct.pk, user=department_manager, decision=Decision.APPROVED)
    unmet = [s.gate.code for s in gate_statuses(fresh(direct), "approve") if not s.met]
    assert "po_countersigned" in unmet
    with pytest.raises(ActionRefused) as refused:
        approval_record(order_id=direct.pk, user=administration, decision=Decision.APPROVED)
    assert "countersigned by the sales office" in " ".join(
        [str(refused.value), *map(str, refused.value.details)]
    )
    assert fresh(direct).stage == Stage.IN_REVIEW
    # Not approved, so its production order cannot be distributed to the factory either.
    with pytest.raises(ActionRefused):
        document_send(spec_code="F-ORD-001", obj=fresh(direct), user=merchandiser)
    countersignature = countersign(direct, merchandiser, note="P/O JV-DIRECT-1 rev 0")
    assert (countersignature.recorded_by, countersignature.signed_by_name) == (
        merchandiser,
        "Sales office, Mr Tam",
    )
    event = direct.events.get(action=IntakeEvent.PO_COUNTERSIGNED)
    assert event.actor == merchandiser
    assert "Sales office, Mr Tam countersigned the P/O JV-DIRECT-1" in render_message(event.message)
    approval_record(order_id=direct.pk, user=administration, decision=Decision.APPROVED)
    assert fresh(direct).stage == Stage.APPROVED


def test_r29_po_countersigned_only_after_the_signed_confirmation_and_once(direct, merchandiser):
    with pytest.raises(ActionRefused, match="ORDER CONFIRMATION"):
        countersign(direct, merchandiser)
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    with pytest.raises(ActionRefused, match="future"):
        countersign(direct, merchandiser, signed_on=date.today() + timedelta(days=1))
    with pytest.raises(ActionRefused, match="name"):
        countersign(direct, merchandiser, signed_by_name=" ")
    countersign(direct, merchandiser)
    with pytest.raises(ActionRefused, match="already"):
        countersign(direct, merchandiser)
    assert PoCountersignature.objects.filter(order=direct).count() == 1


def test_r29_po_countersignature_refused_for_the_wrong_role(
    direct, merchandiser, qc, finance, pmc, outsider
):
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    for someone in (qc, finance, pmc, outsider):
        with pytest.raises(ActionRefused, match="merchandiser"):
            countersign(direct, someone)
    assert not r29_po_countersigned(fresh(direct))


def test_r29_an_ordinary_order_needs_no_countersignature(merchandiser):
    order = make_order(merchandiser=merchandiser)
    assert r29_po_countersigned(order)
    assert "po_countersigned" not in {s.gate.code for s in gate_statuses(order, "approve")}
    with pytest.raises(ActionRefused, match="direct order"):
        countersign(order, merchandiser)


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r29_po_countersignature_on_the_order_page(client, direct, merchandiser, language):
    merchandiser.profile.language = language
    merchandiser.profile.save()
    client.force_login(merchandiser)
    file_signed(send_confirmation(direct, merchandiser), merchandiser)
    with translation.override(language):
        from django.utils.translation import gettext as _

        waiting, button, done = (
            _("Not countersigned yet"),
            _("Record the countersignature"),
            _("Countersigned"),
        )
    page = client.get(direct.get_absolute_url()).content.decode()
    assert waiting in page and button in page
    client.post(
        reverse("intake:po_countersign", args=[direct.pk]),
        {"signed_by_name": "營業部 譚先生", "signed_on": date.today().isoformat()},
    )
    page = client.get(direct.get_absolute_url()).content.decode()
    assert done in page and "營業部 譚先生" in page and button not in page
    if language != "en":
        assert "Not countersigned yet" not in page and "Record the countersignature" not in page


class TestPoCountersignatureGuard(GuardedOrderView):
    namespace = "intake"
    url_name = "po_countersign"
    method = "post"

    @pytest.fixture
    def order(self, direct):
        return direct
