import io

import pytest
from openpyxl import load_workbook

from orders.choices import ImportStatus
from orders.models import Order, OrderImport
from orders.roles import Role
from orders.services.common import ActionRefused
from tests.factories import make_team, make_user
from tests.importing.sheets import upload, wide_rows, xlsx


@pytest.mark.parametrize("role", [Role.QC, Role.WAREHOUSE, Role.FINANCE])
def test_who_cannot_import(role, run_import, client):
    user = make_user(role, team=make_team())
    with pytest.raises(ActionRefused):
        run_import(user, xlsx(wide_rows()))
    client.force_login(user)
    assert client.get("/orders/import/").status_code == 403
    assert client.get("/orders/import/template/").status_code == 403


def test_merchandiser_imports_only_for_their_own_team(merchandiser, run_import, client):
    other = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    with pytest.raises(ActionRefused, match="own team"):
        run_import(merchandiser, xlsx(wide_rows()), merchandiser=other)
    assert OrderImport.objects.count() == 0
    client.force_login(merchandiser)
    form = client.get("/orders/import/").context["form"]
    assert list(form.fields["merchandiser"].queryset) == [merchandiser]


def test_manager_imports_for_any_merchandiser(department_manager, run_import, confirm):
    other = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    job = run_import(department_manager, xlsx(wide_rows()), merchandiser=other)
    job = confirm(job, department_manager)
    assert job.status == ImportStatus.IMPORTED
    assert {o.team_id for o in Order.objects.all()} == {other.profile.team_id}


def test_another_teams_merchandiser_cannot_see_or_confirm_the_import(
    merchandiser, run_import, client
):
    job = run_import(merchandiser, xlsx(wide_rows()))
    stranger = make_user(Role.MERCHANDISER, team=make_team("Wovens"))
    client.force_login(stranger)
    assert client.get(f"/orders/import/{job.pk}/").status_code == 404
    assert client.post(f"/orders/import/{job.pk}/confirm/").status_code == 404
    assert Order.objects.count() == 0


def test_preview_is_what_is_written(merchandiser, run_import, confirm):
    job = run_import(merchandiser, xlsx(wide_rows()))
    preview = job.preview["orders"]
    job = confirm(job, merchandiser)
    assert job.preview["orders"] == preview
    written = [
        (
            order.po_number,
            order.customer_date.isoformat(),
            [
                (line.colour, line.size_breakdown, line.quantity, str(line.unit_price.normalize()))
                for line in order.lines.all()
            ],
        )
        for order in Order.objects.filter(pk__in=job.order_ids).order_by("pk")
    ]
    shown = [
        (
            order["po_number"],
            order["customer_date"],
            [
                (line["colour"], line["sizes"], line["quantity"], line["unit_price"])
                for line in order["lines"]
            ],
        )
        for order in preview
    ]
    assert written == shown


def test_confirm_twice_writes_once(merchandiser, run_import, confirm):
    job = run_import(merchandiser, xlsx(wide_rows()))
    confirm(job, merchandiser)
    with pytest.raises(ActionRefused):
        confirm(job, merchandiser)
    assert Order.objects.count() == 2


def test_a_po_entered_between_preview_and_confirm_fails_the_whole_file(
    merchandiser, run_import, confirm, customer
):
    from tests.factories import make_order

    job = run_import(merchandiser, xlsx(wide_rows()))
    make_order(merchandiser=merchandiser, customer=customer, po_number="PO-2")
    job = confirm(job, merchandiser)
    assert job.status == ImportStatus.FAILED
    assert job.row_errors[0]["row"] == 4
    assert list(Order.objects.values_list("po_number", flat=True)) == ["PO-2"]


def test_upload_page_preview_confirm_and_result(
    merchandiser, client, customer, factory, django_capture_on_commit_callbacks
):
    client.force_login(merchandiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/orders/import/",
            {
                "file": upload(xlsx(wide_rows())),
                "customer": customer.pk,
                "default_factory": factory.pk,
                "currency": "USD",
                "date_order": "dmy",
                "merchandiser": merchandiser.pk,
            },
        )
    job = OrderImport.objects.get()
    assert response["Location"] == f"/orders/import/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Import these orders" in page and "PO-1" in page
    status = client.get(f"/orders/import/{job.pk}/status/").json()
    assert status["status"] == "ready" and status["running"] is False
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/orders/import/{job.pk}/confirm/")
    page = client.get(f"/orders/import/{job.pk}/").content.decode()
    assert "2 orders imported" in page


def test_running_import_shows_a_progress_bar_that_polls(merchandiser, client, customer, factory):
    client.force_login(merchandiser)
    client.post(  # not committed in this test, so the check task has not run
        "/orders/import/",
        {
            "file": upload(xlsx(wide_rows())),
            "customer": customer.pk,
            "default_factory": factory.pk,
            "currency": "USD",
            "date_order": "dmy",
            "merchandiser": merchandiser.pk,
        },
    )
    job = OrderImport.objects.get()
    page = client.get(f"/orders/import/{job.pk}/").content.decode()
    assert "<progress" in page and f"/orders/import/{job.pk}/status/" in page
    assert client.get(f"/orders/import/{job.pk}/status/").json()["running"] is True


@pytest.mark.parametrize(
    ("language", "header"), [("en", "P/O no."), ("zh-hant", "P/O 號"), ("zh-hans", "P/O 号")]
)
def test_template_in_each_language_imports_cleanly(
    merchandiser, client, run_import, language, header
):
    client.force_login(merchandiser)
    response = client.get(f"/orders/import/template/?language={language}")
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == header
    job = run_import(merchandiser, content)
    assert job.status == ImportStatus.READY, (job.file_error, job.row_errors)
    assert job.preview["totals"]["lines"] == 2


def test_the_preview_lists_every_order_a_page_at_a_time(merchandiser, run_import, client):
    job = run_import(merchandiser, xlsx(wide_rows([(f"P-{n:03d}", 1) for n in range(150)])))
    assert job.status == ImportStatus.READY
    client.force_login(merchandiser)
    first = client.get(f"/orders/import/{job.pk}/").content.decode()
    second = client.get(f"/orders/import/{job.pk}/", {"page": 2}).content.decode()
    assert "P-000" in first and "P-099" in first and "P-100" not in first
    assert "P-100" in second and "P-149" in second
    assert "150 orders, 150 lines" in first


def test_r33_the_template_carries_the_order_flags(merchandiser, client, run_import, confirm):
    client.force_login(merchandiser)
    response = client.get("/orders/import/template/?language=zh-hans")
    content = b"".join(response.streaming_content)
    headers = [cell.value for cell in load_workbook(io.BytesIO(content)).active[1]]
    assert "直接单" in headers and "商检" in headers
    confirm(run_import(merchandiser, content), merchandiser)
    order = Order.objects.get()
    assert (order.direct_order, order.commodity_inspection) == (False, True)
