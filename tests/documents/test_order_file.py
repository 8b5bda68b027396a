"""R9: one file per order, named by the customer's P/O number, listing every document kept on
the order and downloadable as <P/O>.zip with a folder per kind and an index; a master file per
customer for its standing documents."""

import csv
import io
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from orders.documents.services import document_confirm, document_send
from orders.models import CustomerDocument, SentDocument
from orders.outbox.tasks import deliver_outbox
from orders.roles import Role
from tests.factories import make_user
from tests.outbox import mark_sent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"\0" * 64
XLSX = b"PK\x03\x04" + b"\0" * 64


def sent(order, user, *, version_pdf: bytes) -> SentDocument:
    with mock.patch.object(deliver_outbox, "apply_async"):
        document = document_send(spec_code="F-ORD-001", obj=order, user=user)
    document.pdf.save(f"F-ORD-001-v{document.version}.pdf", io.BytesIO(version_pdf), save=False)
    SentDocument.objects.filter(pk=document.pk).update(pdf=document.pdf.name)
    mark_sent(document.outbox_id)
    document.refresh_from_db()
    return document


@pytest.fixture
def filed(order, merchandiser):
    """Two versions of the production order; the second confirmed with a signed copy."""
    sent(order, merchandiser, version_pdf=b"%PDF-1 first")
    second = sent(order, merchandiser, version_pdf=b"%PDF-1 second")
    document_confirm(
        document_id=second.pk,
        message_id=second.message_id,
        name="陳大文",
        signed_copy=SimpleUploadedFile("scan.pdf", PDF),
    )
    return order


def test_r9_order_file_lists_every_version_with_who_received_and_confirmed(
    client, filed, merchandiser
):
    client.force_login(merchandiser)
    page = client.get(reverse("documents:order_file", args=[filed.pk])).content.decode()
    assert page.count("F-ORD-001 ") >= 2
    assert "陳大文" in page  # who confirmed the second version
    assert filed.factory.email in page
    assert f"{filed.po_number}.zip" in page


def test_r9_order_file_filters_by_kind(client, filed, merchandiser):
    client.force_login(merchandiser)
    url = reverse("documents:order_file", args=[filed.pk])
    signed = client.get(url + "?kind=signed").content.decode()
    assert "F-ORD-001 signed by 陳大文" in signed and 'id="kind-forms"' not in signed
    assert client.get(url + "?kind=nonsense").status_code == 404


def test_r9_order_file_only_for_those_who_see_the_order(client, filed):
    client.force_login(make_user(Role.MERCHANDISER))  # another team
    assert client.get(reverse("documents:order_file", args=[filed.pk])).status_code == 404
    assert client.get(reverse("documents:order_file_zip", args=[filed.pk])).status_code == 404


def read_zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_r9_zip_is_named_after_the_po_with_folders_per_kind_and_an_index(
    client, filed, merchandiser
):
    client.force_login(merchandiser)
    response = client.get(reverse("documents:order_file_zip", args=[filed.pk]))

    assert response.status_code == 200
    assert f'filename="{filed.po_number}.zip"' in response["Content-Disposition"]
    archive = read_zip(response)
    names = set(archive.namelist())
    assert {"index.csv", "forms/F-ORD-001-v1.pdf", "forms/F-ORD-001-v2.pdf"} <= names
    assert "signed/F-ORD-001-v2-signed.pdf" in names
    assert archive.read("forms/F-ORD-001-v1.pdf") == b"%PDF-1 first"
    assert archive.read("signed/F-ORD-001-v2-signed.pdf") == PDF
    index = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert index[0] == ["Kind", "What", "Version", "Date", "Sent to", "Confirmed", "File"]
    second = next(row for row in index if row[-1] == "forms/F-ORD-001-v2.pdf")
    assert second[2] == "2" and filed.factory.email in second[4] and "陳大文" in second[5]
    mails = [row for row in index if row[0] == "E-mails sent"]
    assert len(mails) == 2 and all(row[-1] == "" for row in mails)


def test_r9_zip_name_keeps_only_what_a_file_name_may_carry(client, order, merchandiser):
    type(order).objects.filter(pk=order.pk).update(po_number="PO 12/34")
    client.force_login(merchandiser)
    response = client.get(reverse("documents:order_file_zip", args=[order.pk]))
    assert 'filename="PO_1234.zip"' in response["Content-Disposition"]
    assert read_zip(response).namelist() == ["index.csv"]


def test_r9_a_lost_file_is_named_in_the_index_and_the_zip_still_goes_out(
    client, filed, merchandiser
):
    first = SentDocument.objects.get(order=filed, version=1)
    first.pdf.storage.delete(first.pdf.name)
    client.force_login(merchandiser)
    archive = read_zip(client.get(reverse("documents:order_file_zip", args=[filed.pk])))
    assert "forms/F-ORD-001-v1.pdf" not in archive.namelist()
    assert "(file missing)" in archive.read("index.csv").decode("utf-8-sig")


def test_r9_order_page_has_the_file_section(client, filed, merchandiser):
    client.force_login(merchandiser)
    page = client.get(filed.get_absolute_url()).content.decode()
    assert reverse("documents:order_file", args=[filed.pk]) in page
    assert reverse("documents:customer_file", args=[filed.customer_id]) in page


def test_r9_merchandiser_files_a_price_list_in_the_customers_master_file(
    client, order, merchandiser
):
    client.force_login(merchandiser)
    url = reverse("documents:customer_file", args=[order.customer_id])
    response = client.post(
        url,
        {
            "kind": "price_list",
            "title": "Price list SS27",
            "file": SimpleUploadedFile("prices.xlsx", XLSX),
        },
    )
    assert response.status_code == 302
    document = CustomerDocument.objects.get(customer=order.customer)
    assert (document.title, document.uploaded_by) == ("Price list SS27", merchandiser)
    assert "Price list SS27" in client.get(url).content.decode()


def test_r9_master_file_refuses_files_that_are_not_documents(client, order, merchandiser):
    client.force_login(merchandiser)
    response = client.post(
        reverse("documents:customer_file", args=[order.customer_id]),
        {"kind": "standard", "title": "x", "file": SimpleUploadedFile("x.xlsx", b"MZ\x90\0")},
        follow=True,
    )
    assert "Please upload a PDF, a picture or an Excel or Word file." in response.content.decode()
    assert not CustomerDocument.objects.exists()


def test_r9_qc_reads_the_master_file_but_does_not_file_in_it(client, order, qc):
    client.force_login(qc)
    url = reverse("documents:customer_file", args=[order.customer_id])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": "standard", "title": "x", "file": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 403
    assert not CustomerDocument.objects.exists()
