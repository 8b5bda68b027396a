"""R18 screens: the merchandiser drafts, costs and submits; the manager approves; each page
shows what the user may do and refuses the rest."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from orders.quotations.choices import QuotationStatus
from orders.quotations.models import Quotation, QuotationPolicy
from orders.quotations.services import quotation_submit
from orders.roles import Role
from tests.factories import make_team, make_user
from tests.quotations.builders import make_quotation

pytestmark = pytest.mark.django_db


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def _header(customer, **extra):
    return {
        "customer": customer.pk,
        "style_no": "ST-900",
        "description": "Ladies' knit top",
        "currency": "USD",
        "cost_currency": "CNY",
        "exchange_rate": "7.1",
        "target_margin_percent": "15",
        "incoterm": "FOB",
        "payment_terms": "lc",
        "valid_until": (date.today() + timedelta(days=20)).isoformat(),
        **extra,
    }


def _formsets(lines, breaks):
    data = {
        "costing-TOTAL_FORMS": str(len(lines)),
        "costing-INITIAL_FORMS": "0",
        "prices-TOTAL_FORMS": str(len(breaks)),
        "prices-INITIAL_FORMS": "0",
    }
    for index, (kind, basis, amount) in enumerate(lines):
        data |= {
            f"costing-{index}-kind": kind,
            f"costing-{index}-basis": basis,
            f"costing-{index}-amount": amount,
        }
    for index, (quantity, price) in enumerate(breaks):
        data |= {f"prices-{index}-min_quantity": quantity, f"prices-{index}-unit_price": price}
    return data


def test_r18_merchandiser_drafts_costs_and_sees_the_margin(client, merchandiser, customer):
    client.force_login(merchandiser)
    first = client.post(reverse("quotations:create"), _header(customer))
    quotation = Quotation.objects.get()
    assert first.url == reverse("quotations:edit", args=[quotation.pk])
    edit = reverse("quotations:edit", args=[quotation.pk])
    costing = _formsets(
        [("factory_price", "per_piece", "28.40"), ("commission", "percent", "3")],
        [("1000", "5.00")],
    )
    response = client.post(edit, {**_header(customer), **costing})
    assert response.status_code == 302, response.context and response.context["form"].errors
    detail = client.get(quotation.get_absolute_url()).content.decode()
    # 28.40 / 7.1 = 4.00 + 3 % of 5.00 = 4.15 → margin 17.00 %
    assert "4.15" in detail and "17.00 %" in detail
    assert "Submit for approval" in detail


def test_r18_bad_costing_row_is_shown_and_nothing_saved(client, merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    client.force_login(merchandiser)
    edit = reverse("quotations:edit", args=[quotation.pk])
    costing = _formsets([("factory_price", "per_piece", "-1")], [("1000", "5.00")])
    response = client.post(edit, {**_header(customer), **costing})
    assert response.status_code == 200
    assert quotation.costing_lines.count() == 4


def test_r18_manager_approves_from_the_queue(client, merchandiser, customer, department_manager):
    quotation = make_quotation(user=merchandiser, customer=customer)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    client.force_login(department_manager)
    queue = client.get(reverse("quotations:approvals")).content.decode()
    assert quotation.label in queue
    detail = client.get(quotation.get_absolute_url()).content.decode()
    assert "Approve" in detail and "Reject" in detail
    response = client.post(
        reverse("quotations:action", args=[quotation.pk, "approve"]),
        {"comment": "fine"},
        follow=True,
    )
    assert "Done: Approve." in messages_of(response)
    assert Quotation.objects.get(pk=quotation.pk).status == QuotationStatus.APPROVED


def test_r18_special_price_not_offered_to_the_department_manager(
    client, merchandiser, customer, department_manager, general_manager
):
    QuotationPolicy.objects.filter(pk=1).update(special_price_margin_percent=50)
    quotation = make_quotation(user=merchandiser, customer=customer)
    quotation_submit(quotation_id=quotation.pk, user=merchandiser)
    client.force_login(department_manager)
    assert quotation.label not in client.get(reverse("quotations:approvals")).content.decode()
    response = client.post(
        reverse("quotations:action", args=[quotation.pk, "approve"]), {}, follow=True
    )
    assert "deputy general manager" in messages_of(response)
    client.force_login(general_manager)
    assert quotation.label in client.get(reverse("quotations:approvals")).content.decode()


def test_r18_lost_needs_a_reason_on_the_page(client, merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    client.force_login(merchandiser)
    response = client.post(
        reverse("quotations:action", args=[quotation.pk, "lose"]), {"comment": ""}, follow=True
    )
    assert "Reason" in messages_of(response)
    assert Quotation.objects.get(pk=quotation.pk).status == QuotationStatus.DRAFT


def test_r18_other_team_does_not_see_the_quotation(client, merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    client.force_login(stranger)
    assert client.get(quotation.get_absolute_url()).status_code == 404
    assert quotation.label not in client.get(reverse("quotations:list")).content.decode()


def test_r18_list_and_export(client, merchandiser, customer):
    quotation = make_quotation(user=merchandiser, customer=customer)
    client.force_login(merchandiser)
    page = client.get(reverse("quotations:list")).content.decode()
    assert quotation.label in page
    export = client.get(reverse("quotations:list") + "?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert quotation.label in text and "15.56" in text  # the lowest margin, at 2,000 pcs


def test_r18_admin_shows_quotations_and_the_policy(client, merchandiser, customer):
    make_quotation(user=merchandiser, customer=customer)
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("admin:quotations_quotation_changelist")).status_code == 200
    assert client.get(reverse("admin:quotations_quotationpolicy_changelist")).status_code == 200
