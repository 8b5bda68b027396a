"""R21: a payment or a deduction is recorded once — a double-click, a repeated bank reference
and a zero amount are refused with the reason, and nothing is counted twice."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse

from shipping.choices import DeductionSource, PaymentKind
from shipping.models import Payment
from shipping.services import deduction_record, payment_record
from shipping.services.common import ActionRefused
from tests.html_forms import form_posting_to, submit_twice

pytestmark = pytest.mark.django_db


def pay(order, user, reference="HSBC-7781", amount="100.00"):
    return payment_record(
        order_id=order.pk,
        user=user,
        kind=PaymentKind.BALANCE,
        amount=Decimal(amount),
        received_on=date(2026, 11, 20),
        reference=reference,
    )


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_r21_refuse_repeated_bank_reference(order, finance):
    first = pay(order, finance, reference="HSBC-7781")

    with pytest.raises(ActionRefused) as refused:
        pay(order, finance, reference=" hsbc-7781 ")

    message = str(refused.value)
    assert "HSBC-7781" in message and str(first) in message
    assert finance.get_username() in message
    assert order.payments.count() == 1


def test_r21_the_same_reference_on_another_order_is_another_payment(order, finance, merchandiser):
    from tests.factories import make_order

    other = make_order(merchandiser=merchandiser)
    pay(order, finance)
    pay(other, finance)
    assert Payment.objects.filter(reference="HSBC-7781").count() == 2


def test_r21_payments_without_reference_are_not_taken_for_repeats(order, finance):
    pay(order, finance, reference="")
    pay(order, finance, reference="")
    assert order.payments.count() == 2


def test_the_database_refuses_a_repeated_reference_and_a_zero_amount(order, finance):
    pay(order, finance, reference="TT-1")
    common = {"order": order, "kind": PaymentKind.BALANCE, "currency": order.currency}
    common.update(received_on=date(2026, 11, 20), recorded_by=finance)
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(amount=Decimal("5"), reference="tt-1", **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(amount=Decimal("0"), reference="TT-2", **common)


@pytest.mark.parametrize("amount", ["0", "0.00", "-5"])
def test_zero_and_negative_amounts_are_refused_on_the_screen(client, order, finance, amount):
    client.force_login(finance)
    url = reverse("shipping:payment", args=[order.pk])
    data = {"kind": "balance", "amount": amount, "received_on": "2026-11-20", "reference": ""}

    response = client.post(url, data)

    assert not order.payments.exists()
    assert any("Amount" in message for message in said(response))
    response = client.post(
        reverse("shipping:deduction", args=[order.pk]),
        {"source": DeductionSource.CLAIM, "amount": amount, "reason": "Short shipped"},
    )
    assert not order.deductions.exists()


def test_a_double_clicked_payment_is_recorded_once_and_the_second_click_is_told(
    client, order, finance
):
    url = reverse("shipping:payment", args=[order.pk])
    fill = {"amount": "250.00", "received_on": "2026-11-20", "reference": ""}

    client.force_login(finance)
    first, second = submit_twice(client, order.get_absolute_url(), url, fill)

    assert order.payments.count() == 1
    assert said(first) == ["Payment recorded."]
    assert any("already submitted" in message for message in said(second))


def test_a_double_clicked_deduction_is_recorded_once(client, order, finance):
    url = reverse("shipping:deduction", args=[order.pk])
    fill = {"source": DeductionSource.CLAIM, "amount": "40.00", "reason": "Short shipped"}

    client.force_login(finance)
    submit_twice(client, order.get_absolute_url(), url, fill)

    assert order.deductions.count() == 1


def test_a_refused_payment_leaves_its_form_usable(client, order, finance):
    pay(order, finance, reference="TT-9")
    url = reverse("shipping:payment", args=[order.pk])
    fill = {"amount": "250.00", "received_on": "2026-11-20", "reference": "TT-9"}
    client.force_login(finance)
    data = form_posting_to(client.get(order.get_absolute_url()).content, url)
    data.update(fill)

    refused = client.post(url, data)
    data["reference"] = "TT-10"
    accepted = client.post(url, data)

    assert any("already recorded on this order" in m for m in said(refused))
    assert said(accepted)[-1] == "Payment recorded."
    assert sorted(order.payments.values_list("reference", flat=True)) == ["TT-10", "TT-9"]


def test_r21_deduction_of_zero_is_refused_by_the_service(order, finance):
    with pytest.raises(ActionRefused):
        deduction_record(
            order_id=order.pk, user=finance, source=DeductionSource.CLAIM, amount=Decimal("0"),
            reason="x",
        )  # fmt: skip
