from orders.choices import ImportStatus
from orders.models import Order, OrderImport
from tests.importing.sheets import upload, wide_rows, xlsx


def test_manager_imports_in_the_admin(
    department_manager, merchandiser, customer, factory, client, django_capture_on_commit_callbacks
):
    client.force_login(department_manager)
    assert client.get("/admin/orders/orderimport/add/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/orders/orderimport/add/",
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
    change_url = f"/admin/orders/orderimport/{job.pk}/change/"
    assert response["Location"] == change_url
    page = client.get(change_url).content.decode()
    assert "Import these orders" in page and "PO-2" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/orders/import/{job.pk}/confirm/", {"next": change_url})
    assert response["Location"] == change_url
    assert OrderImport.objects.get().status == ImportStatus.IMPORTED
    assert Order.objects.filter(merchandiser=merchandiser).count() == 2


def test_merchandisers_use_the_site_not_the_admin(merchandiser, client):
    client.force_login(merchandiser)
    assert client.get("/admin/orders/orderimport/add/").status_code in (302, 403)
