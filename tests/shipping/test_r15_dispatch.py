"""R15: stock preparation slip → prices approved → warehouse prepares → finance prints the
delivery note → sales admin signs → warehouse ships → delivery note and waybill to the customer."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from orders.choices import Stage
from orders.demo.contributors import satisfy_gates
from orders.documents.registry import get_form
from orders.documents.render import render_pdf
from orders.gates import gate_statuses
from orders.models import CustomerContact, OrderEvent, SentDocument
from orders.roles import Role
from shipping.choices import DispatchStep
from shipping.models import Dispatch, DispatchStepRecord
from shipping.services.common import ActionRefused
from shipping.services.dispatch import (
    dispatch_approve_prices,
    dispatch_confirm_prepared,
    dispatch_create,
    dispatch_print_delivery_note,
    dispatch_send_to_customer,
    dispatch_ship,
    dispatch_sign_delivery_note,
)
from tests.factories import make_user
from tests.shipping.conftest import at_stage

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def warehouse(db):
    return make_user(Role.WAREHOUSE)


@pytest.fixture
def shipping_order(order):
    order.customer.name = "東方貿易有限公司"
    order.customer.save()
    order.factory.name = "順德華美製衣廠"
    order.factory.save()
    CustomerContact.objects.create(customer=order.customer, name="Ms Wong", email="wong@c.example")
    return at_stage(order, Stage.SHIPPING)


def slip(order, user, cartons=42):
    line = order.lines.get()
    return dispatch_create(
        order_id=order.pk,
        user=user,
        lines=[{"order_line_id": line.pk, "quantity": line.quantity, "cartons": cartons}],
    )


def prepared_as_slip(dispatch):
    return {line.pk: (line.quantity, line.cartons) for line in dispatch.lines.all()}


@pytest.fixture
def people(merchandiser, administration, warehouse, finance):
    return {
        "merchandiser": merchandiser,
        "administration": administration,
        "warehouse": warehouse,
        "finance": finance,
    }


STEP_ACTIONS = {
    DispatchStep.PRICES_APPROVED: "approve",
    DispatchStep.PREPARED: "prepare",
    DispatchStep.NOTE_PRINTED: "print",
    DispatchStep.NOTE_SIGNED: "sign",
    DispatchStep.SHIPPED: "ship",
}


def walk(dispatch, people, until: str):
    """Do the steps in order, each by its role, up to and including `until`."""
    for step, action in STEP_ACTIONS.items():
        attempt(action, dispatch, people)
        if step == until:
            break
    return Dispatch.objects.get(pk=dispatch.pk)


def test_r15_full_flow_in_order_each_step_on_the_timeline(
    shipping_order, people, django_capture_on_commit_callbacks
):
    dispatch = slip(shipping_order, people["merchandiser"])
    dispatch = walk(dispatch, people, until=DispatchStep.SHIPPED)
    assert dispatch.shipped and dispatch.waybill == "SF1234567890"
    with django_capture_on_commit_callbacks(execute=True):
        document = dispatch_send_to_customer(dispatch_id=dispatch.pk, user=people["merchandiser"])
    assert document.form_code == "SHP-DN"
    assert document.recipient_email == "wong@c.example"
    dispatch.refresh_from_db()
    assert dispatch.status == DispatchStep.SENT
    records = list(DispatchStepRecord.objects.filter(dispatch=dispatch))
    assert [r.step for r in records] == list(DispatchStep.values)
    assert records[1].actor == people["administration"] and records[1].comment == "Prices OK"
    assert records[2].actor == people["warehouse"]
    assert records[3].actor == people["finance"]
    actions = list(
        OrderEvent.objects.filter(order=shipping_order, action__startswith="dispatch_")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [f"dispatch_{step}" for step in DispatchStep.values]
    assert SentDocument.objects.filter(order=shipping_order, form_code="SHP-DN").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["wong@c.example"]
    pdf = next(a for a in mail.outbox[0].attachments if a[0].endswith(".pdf"))
    assert "SF1234567890" in pdf_text(pdf[1])


def test_r15_slip_lines_default_from_the_packing_list(shipping_order, merchandiser):
    from decimal import Decimal

    from shipping.services import packing_list_generate

    packing_list_generate(
        order_id=shipping_order.pk,
        user=merchandiser,
        pieces_per_carton=24,
        net_weight_per_piece_kg=Decimal("0.25"),
        carton_weight_kg=Decimal("1.2"),
        carton_length_cm=Decimal("60"),
        carton_width_cm=Decimal("40"),
        carton_height_cm=Decimal("30"),
    )
    dispatch = dispatch_create(order_id=shipping_order.pk, user=merchandiser)
    line = dispatch.lines.get()
    assert (line.quantity, line.cartons) == (1000, shipping_order.packing_list.totals()["cartons"])


def test_r15_slip_without_packing_list_needs_cartons(shipping_order, merchandiser):
    with pytest.raises(ActionRefused):
        dispatch_create(order_id=shipping_order.pk, user=merchandiser)
    assert not Dispatch.objects.exists()


OUT_OF_ORDER = [
    # (steps already done, the step tried too early)
    (DispatchStep.SLIP_DRAWN, "prepare"),
    (DispatchStep.SLIP_DRAWN, "print"),
    (DispatchStep.PRICES_APPROVED, "sign"),
    (DispatchStep.PREPARED, "ship"),
    (DispatchStep.NOTE_PRINTED, "send"),
    (DispatchStep.NOTE_SIGNED, "approve"),
]


def attempt(action, dispatch, people):
    calls = {
        "approve": lambda: dispatch_approve_prices(
            dispatch_id=dispatch.pk, user=people["administration"], comment="Prices OK"
        ),
        "prepare": lambda: dispatch_confirm_prepared(
            dispatch_id=dispatch.pk, user=people["warehouse"], prepared=prepared_as_slip(dispatch)
        ),
        "print": lambda: dispatch_print_delivery_note(
            dispatch_id=dispatch.pk, user=people["finance"]
        ),
        "sign": lambda: dispatch_sign_delivery_note(
            dispatch_id=dispatch.pk, user=people["administration"]
        ),
        "ship": lambda: dispatch_ship(
            dispatch_id=dispatch.pk,
            user=people["warehouse"],
            waybill="SF1234567890",
            carrier="順豐",
        ),
        "send": lambda: dispatch_send_to_customer(
            dispatch_id=dispatch.pk, user=people["merchandiser"]
        ),
    }
    return calls[action]()


@pytest.mark.parametrize(("done", "action"), OUT_OF_ORDER)
def test_r15_out_of_order_step_is_refused(shipping_order, people, done, action):
    dispatch = slip(shipping_order, people["merchandiser"])
    if done != DispatchStep.SLIP_DRAWN:
        dispatch = walk(dispatch, people, until=done)
    events = OrderEvent.objects.count()
    with pytest.raises(ActionRefused, match="not ready"):
        attempt(action, dispatch, people)
    assert Dispatch.objects.get(pk=dispatch.pk).status == done
    assert OrderEvent.objects.count() == events
    assert DispatchStepRecord.objects.filter(dispatch=dispatch).count() == (
        list(DispatchStep.values).index(done) + 1
    )


WRONG_ROLE = [
    (None, "approve", "warehouse"),
    (None, "approve", "merchandiser"),
    (DispatchStep.PRICES_APPROVED, "prepare", "administration"),
    (DispatchStep.PREPARED, "print", "warehouse"),
    (DispatchStep.NOTE_PRINTED, "sign", "finance"),
    (DispatchStep.NOTE_SIGNED, "ship", "finance"),
    (DispatchStep.SHIPPED, "send", "warehouse"),
]


@pytest.mark.parametrize(("done", "action", "who"), WRONG_ROLE)
def test_r15_wrong_role_is_refused(shipping_order, people, done, action, who):
    dispatch = slip(shipping_order, people["merchandiser"])
    if done is not None:
        dispatch = walk(dispatch, people, until=done)
    status = Dispatch.objects.get(pk=dispatch.pk).status
    wrong = {**people}
    for key in ("administration", "warehouse", "finance", "merchandiser"):
        wrong[key] = people[who]
    with pytest.raises(ActionRefused, match="may record this step"):
        attempt(action, dispatch, wrong)
    assert Dispatch.objects.get(pk=dispatch.pk).status == status


def test_r15_warehouse_may_not_draw_up_the_slip(shipping_order, warehouse):
    with pytest.raises(ActionRefused):
        slip(shipping_order, warehouse)
    assert not Dispatch.objects.exists()


def test_r15_differences_from_the_slip_need_a_comment(shipping_order, people):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.PRICES_APPROVED
    )
    line = dispatch.lines.get()
    short = {line.pk: (976, 41)}
    with pytest.raises(ActionRefused, match="explain"):
        dispatch_confirm_prepared(dispatch_id=dispatch.pk, user=people["warehouse"], prepared=short)
    line.refresh_from_db()
    assert line.prepared_quantity is None
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.PRICES_APPROVED

    dispatch_confirm_prepared(
        dispatch_id=dispatch.pk,
        user=people["warehouse"],
        prepared=short,
        comment="24 pcs failed the final check",
    )
    line.refresh_from_db()
    assert (line.prepared_quantity, line.prepared_cartons, line.differs) == (976, 41, True)
    event = OrderEvent.objects.get(action="dispatch_prepared")
    assert "1000→976" in event.text and "24 pcs failed the final check" in event.text


def test_r15_shipping_needs_a_waybill(shipping_order, people):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.NOTE_SIGNED
    )
    with pytest.raises(ActionRefused):
        dispatch_ship(dispatch_id=dispatch.pk, user=people["warehouse"], waybill="  ")
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.NOTE_SIGNED


def test_r15_goods_leave_only_once_the_order_is_cleared_for_shipment(order, people):
    order = at_stage(order, Stage.INSPECTION)
    dispatch = walk(slip(order, people["merchandiser"]), people, until=DispatchStep.NOTE_SIGNED)
    with pytest.raises(ActionRefused, match="not cleared"):
        dispatch_ship(dispatch_id=dispatch.pk, user=people["warehouse"], waybill="SF9")
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.NOTE_SIGNED


def test_r15_sending_needs_the_customers_email(shipping_order, people):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.SHIPPED
    )
    shipping_order.customer.contacts.update(email="")
    with pytest.raises(ActionRefused):
        dispatch_send_to_customer(dispatch_id=dispatch.pk, user=people["merchandiser"])
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.SHIPPED
    assert not SentDocument.objects.exists()


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_r15_delivery_note_renders_in_each_language(shipping_order, people, language):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.SHIPPED
    )
    text = pdf_text(render_pdf(get_form("SHP-DN"), dispatch, language))
    assert "SHP-DN" in text
    assert dispatch.number in text
    assert "東方貿易有限公司" in text
    assert "順德華美製衣廠" in text
    assert "SF1234567890" in text and "順豐" in text
    assert "1000" in text


def test_r15_settle_gate_needs_the_dispatch_shipped(shipping_order, people):
    def gate():
        return {s.gate.code: s.met for s in gate_statuses(shipping_order, "settle")}

    assert "dispatch_shipped" not in gate()  # no slip, nothing to wait for
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.NOTE_SIGNED
    )
    assert gate()["dispatch_shipped"] is False
    dispatch_ship(dispatch_id=dispatch.pk, user=people["warehouse"], waybill="SF1")
    assert gate()["dispatch_shipped"] is True


def test_r15_satisfy_gates_walks_an_open_dispatch(shipping_order, people, department_manager):
    dispatch = slip(shipping_order, people["merchandiser"])
    satisfy_gates(shipping_order, "settle")
    dispatch.refresh_from_db()
    assert dispatch.shipped
    assert all(s.met for s in gate_statuses(shipping_order, "settle"))


def test_r15_order_section_shows_the_turn(client, shipping_order, people):
    dispatch = slip(shipping_order, people["merchandiser"])
    client.force_login(people["administration"])
    page = client.get(shipping_order.get_absolute_url()).content.decode()
    assert dispatch.number in page
    assert reverse("shipping:dispatch_step", args=[dispatch.pk, "prices_approved"]) in page
    client.force_login(people["warehouse"])
    page = client.get(shipping_order.get_absolute_url()).content.decode()
    assert reverse("shipping:dispatch_step", args=[dispatch.pk, "prices_approved"]) not in page


def test_r15_warehouse_confirms_on_its_page(client, shipping_order, people):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.PRICES_APPROVED
    )
    line = dispatch.lines.get()
    url = reverse("shipping:dispatch_prepare", args=[dispatch.pk])
    client.force_login(people["warehouse"])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {f"quantity_{line.pk}": 1000, f"cartons_{line.pk}": 40, "comment": ""}
    )
    assert response.status_code == 200  # shown again with the refusal
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.PRICES_APPROVED
    response = client.post(
        url, {f"quantity_{line.pk}": 1000, f"cartons_{line.pk}": 40, "comment": "Bigger cartons"}
    )
    assert response.status_code == 302
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.PREPARED


def test_r15_step_button_posts_through_the_service(client, shipping_order, people):
    dispatch = slip(shipping_order, people["merchandiser"])
    url = reverse("shipping:dispatch_step", args=[dispatch.pk, "prices_approved"])
    client.force_login(people["finance"])
    client.post(url, {"comment": ""})
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.SLIP_DRAWN
    client.force_login(people["administration"])
    client.post(url, {"comment": "OK"})
    assert Dispatch.objects.get(pk=dispatch.pk).status == DispatchStep.PRICES_APPROVED


def test_r15_partial_shipments_cannot_exceed_the_order(shipping_order, people):
    line = shipping_order.lines.get()
    first = dispatch_create(
        order_id=shipping_order.pk,
        user=people["merchandiser"],
        lines=[{"order_line_id": line.pk, "quantity": 600, "cartons": 25}],
    )
    walk(first, people, until=DispatchStep.SHIPPED)
    with pytest.raises(ActionRefused, match="400"):
        dispatch_create(
            order_id=shipping_order.pk,
            user=people["merchandiser"],
            lines=[{"order_line_id": line.pk, "quantity": 401, "cartons": 17}],
        )
    second = dispatch_create(
        order_id=shipping_order.pk,
        user=people["merchandiser"],
        lines=[{"order_line_id": line.pk, "quantity": 400, "cartons": 17}],
    )
    assert second.number.endswith("-2")


def test_r15_one_open_slip_at_a_time(shipping_order, people):
    slip(shipping_order, people["merchandiser"])
    with pytest.raises(ActionRefused, match="not shipped"):
        slip(shipping_order, people["merchandiser"])
    assert Dispatch.objects.count() == 1


def test_r15_merchandiser_draws_up_the_slip_on_its_page(client, shipping_order, people):
    line = shipping_order.lines.get()
    url = reverse("shipping:dispatch_create", args=[shipping_order.pk])
    client.force_login(people["warehouse"])
    assert client.get(url).status_code == 403
    client.force_login(people["merchandiser"])
    assert client.get(url).status_code == 200
    response = client.post(url, {f"quantity_{line.pk}": 1001, f"cartons_{line.pk}": 42})
    assert response.status_code == 200 and not Dispatch.objects.exists()
    response = client.post(url, {f"quantity_{line.pk}": 700, f"cartons_{line.pk}": 30})
    assert response.status_code == 302
    assert Dispatch.objects.get().lines.get().quantity == 700


def test_r15_merchandiser_sees_the_send_button_once_shipped(client, shipping_order, people):
    dispatch = walk(
        slip(shipping_order, people["merchandiser"]), people, until=DispatchStep.SHIPPED
    )
    client.force_login(people["merchandiser"])
    page = client.get(shipping_order.get_absolute_url()).content.decode()
    assert reverse("shipping:dispatch_step", args=[dispatch.pk, "sent"]) in page
    assert "SF1234567890" in page
    assert reverse("documents:preview_pdf", args=["SHP-DN", dispatch.pk]) in page
