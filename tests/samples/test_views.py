"""The samples screens: allowed and refused per role; views only parse input and call services."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samples.choices import LetterStatus, SampleStatus
from samples.models import CommentLetter
from samples.services import comment_letter_create, sample_check_record
from tests.factories import make_sample, make_team, make_user
from tests.html_forms import browser_form_data, form_index_with_field

pytestmark = pytest.mark.django_db


def client_for(client, user):
    client.force_login(user)
    return client


def request_data(**overrides):
    data = {
        "sample_type": "pp",
        "requested_on": "2026-05-01",
        "customer_pieces": 1,
        "file_pieces": 1,
        "factory_pieces": 1,
        "instructions": "",
    }
    return {**data, **overrides}


def check_data(**overrides):
    data = {
        "m-TOTAL_FORMS": 2,
        "m-INITIAL_FORMS": 0,
        "m-0-point_of_measure": "Chest 1/2",
        "m-0-size": "M",
        "m-0-spec": "50",
        "m-0-tolerance": "1",
        "m-0-actual": "51",
        "m-1-point_of_measure": "Body length",
        "m-1-size": "M",
        "m-1-spec": "70",
        "m-1-tolerance": "1",
        "m-1-actual": "72",
        "d-TOTAL_FORMS": 1,
        "d-INITIAL_FORMS": 0,
        "d-0-area": "wash",
        "d-0-description": "Shade too dark",
        "d-0-severity": "may_produce",
        "construction_remarks": "OK",
        "wash_remarks": "",
        "customer_comments": "",
    }
    return {**data, **overrides}


def test_merchandiser_requests_a_sample(client, order, merchandiser):
    url = reverse("samples:create", args=[order.pk])
    assert client_for(client, merchandiser).get(url).status_code == 200
    response = client.post(url, request_data())
    sample = order.samples.get()
    assert response.status_code == 302 and response.url == sample.get_absolute_url()
    assert sample.quantity == 3


def test_r22_request_without_a_factory_piece_is_refused_on_the_page(client, order, merchandiser):
    response = client_for(client, merchandiser).post(
        reverse("samples:create", args=[order.pk]), request_data(factory_pieces=0)
    )
    assert response.status_code == 403 and "R22" in response.content.decode()
    assert not order.samples.exists()


def test_other_teams_merchandiser_gets_404(client, order):
    outsider = make_user("merchandiser", team=make_team("Wovens"))
    sample = make_sample(order)
    client_for(client, outsider)
    assert client.get(reverse("samples:create", args=[order.pk])).status_code == 404
    assert client.get(reverse("samples:detail", args=[sample.pk])).status_code == 404


def test_finance_sees_but_may_not_request(client, order, finance):
    sample = make_sample(order)
    client_for(client, finance)
    assert client.get(reverse("samples:detail", args=[sample.pk])).status_code == 200
    response = client.post(
        reverse("samples:create", args=[order.pk]), request_data(sample_type="fit")
    )
    assert response.status_code == 403
    assert order.samples.count() == 1


def test_check_page_records_the_chart_and_flags_beyond_tolerance(client, order, merchandiser):
    sample = make_sample(order)
    client_for(client, merchandiser)
    assert client.get(reverse("samples:check", args=[sample.pk])).status_code == 200
    response = client.post(reverse("samples:check", args=[sample.pk]), check_data())
    assert response.status_code == 302
    sample.refresh_from_db()
    assert sample.status == SampleStatus.CHECKED
    assert sample.measurements.count() == 2
    assert sorted(sample.discrepancies.values_list("severity", flat=True)) == [
        "may_produce",
        "must_correct",
    ]
    page = client.get(reverse("samples:detail", args=[sample.pk])).content.decode()
    assert "Body length" in page and "Shade too dark" in page


def test_r4_check_page_saves_one_discrepancy_with_the_blank_rows_as_rendered(
    client, order, merchandiser
):
    sample = make_sample(order)
    url = reverse("samples:check", args=[sample.pk])
    page = client_for(client, merchandiser).get(url).content
    data = browser_form_data(page, form_index_with_field(page, "d-0-description"))
    assert data["d-TOTAL_FORMS"] == "3"
    data["d-0-description"] = "Pocket placed 1 cm too high"

    response = client.post(url, data)

    assert response.status_code == 302
    assert list(sample.discrepancies.values_list("description", flat=True)) == [
        "Pocket placed 1 cm too high"
    ]


def test_check_refused_for_qc(client, order, qc):
    sample = make_sample(order)
    response = client_for(client, qc).post(reverse("samples:check", args=[sample.pk]), check_data())
    assert response.status_code == 403
    assert not sample.measurements.exists()


def test_decide_records_the_customers_approval(client, order, merchandiser):
    sample = make_sample(order)
    client_for(client, merchandiser).post(
        reverse("samples:decide", args=[sample.pk]),
        {"decision": "approved", "source": "customer", "comment": "OK by e-mail"},
    )
    sample.refresh_from_db()
    assert (sample.status, sample.decision_source) == (SampleStatus.APPROVED, "customer")
    tag_url = reverse("documents:preview_pdf", args=["TAG-APPROVAL", sample.pk])
    assert tag_url in client.get(reverse("samples:detail", args=[sample.pk])).content.decode()
    tag = client.get(tag_url + "?lang=en")
    assert tag.status_code == 200 and tag["Content-Type"] == "application/pdf"


def test_tag_of_an_unapproved_sample_is_not_offered(client, order, merchandiser):
    sample = make_sample(order)
    page = client_for(client, merchandiser).get(reverse("samples:detail", args=[sample.pk]))
    assert "TAG-APPROVAL" not in page.content.decode()


@pytest.fixture
def draft(order, merchandiser):
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    return comment_letter_create(sample_id=sample.pk, user=merchandiser)


def test_r4_merchandiser_cannot_sign_or_send_a_draft(client, draft, merchandiser):
    client_for(client, merchandiser)
    client.post(reverse("samples:letter_sign", args=[draft.pk]))
    client.post(reverse("samples:letter_send", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == LetterStatus.DRAFT and draft.signed_at is None


def test_r4_group_head_signs_on_the_sample_page(client, draft, group_head):
    response = client_for(client, group_head).post(reverse("samples:letter_sign", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.signed_by == group_head


def test_r4_department_manager_signs_in_the_admin(client, draft, department_manager):
    client_for(client, department_manager)
    change = reverse("admin:samples_commentletter_change", args=[draft.pk])
    assert "Sign this comment letter" in client.get(change).content.decode()
    client.post(reverse("admin:samples_commentletter_sign", args=[draft.pk]))
    draft.refresh_from_db()
    assert (draft.status, draft.signed_by) == (LetterStatus.SIGNED, department_manager)


def test_r4_admin_action_refuses_a_staff_user_who_is_not_head_or_manager(
    client, draft, administration
):
    client_for(client, administration).post(
        reverse("admin:samples_commentletter_changelist"),
        {"action": "sign_letters", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.signed_at is None


def test_r4_customers_letter_uploaded_on_the_page(client, order, merchandiser):
    sample = make_sample(order)
    client_for(client, merchandiser).post(
        reverse("samples:letter_upload", args=[sample.pk]),
        {
            "document": SimpleUploadedFile("c.pdf", b"%PDF-1.4 x", "application/pdf"),
            "production_may_start": "yes",
            "remarks": "",
        },
    )
    letter = CommentLetter.objects.get(sample=sample)
    assert letter.is_uploaded and letter.may_start is True


def test_letter_offered_in_three_languages_the_factorys_first(client, draft, merchandiser):
    page = client_for(client, merchandiser).get(reverse("samples:detail", args=[draft.sample_id]))
    html = page.content.decode()
    pdf = reverse("documents:preview_pdf", args=["F-PMER-004", draft.pk])
    links = [
        html.index(f"{pdf}?lang={code}") for code in (draft.sample.order.factory.language, "en")
    ]
    assert links == sorted(links) and f"{pdf}?lang=zh-hans" in html
    response = client.get(
        reverse("documents:preview", args=["F-PMER-004", draft.pk]) + "?lang=zh-hant"
    )
    assert response.status_code == 200 and "F-PMER-004" in response.content.decode()


def test_order_page_section_lists_rounds_gate_and_letters(order, merchandiser, group_head, draft):
    """Rendered the way the order page renders every registered section."""
    from django.template.loader import render_to_string

    from orders.sections import sections

    [section] = [s for s in sections() if s.code == "samples"]
    html = render_to_string(
        section.template, {"order": order, "section": section.context(order, group_head)}
    )
    assert reverse("samples:detail", args=[draft.sample_id]) in html
    assert reverse("samples:create", args=[order.pk]) in html
    assert reverse("samples:letter_sign", args=[draft.pk]) in html  # the head may sign here
    assert "Pre-production sample approved" in html  # the gate, still unmet
    as_merchandiser = render_to_string(
        section.template, {"order": order, "section": section.context(order, merchandiser)}
    )
    assert reverse("samples:letter_sign", args=[draft.pk]) not in as_merchandiser
